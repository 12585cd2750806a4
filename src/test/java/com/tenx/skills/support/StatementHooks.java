package com.tenx.skills.support;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Lets a test act just before the application runs a chosen SQL statement: run something
 * else first (commit a concurrent write between two statements of one read), or make the
 * statement fail. Each hook fires once. Import it into a test context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementHooks {

    private static final AtomicReference<Hook> HOOK = new AtomicReference<>();

    /** Runs {@code action} once, before the first statement whose SQL matches. */
    public static void before(Predicate<String> sql, Runnable action) {
        HOOK.set(new Hook(sql, action, false));
    }

    /** Fails the first statement whose SQL matches, as a lost connection would. */
    public static void fail(Predicate<String> sql) {
        HOOK.set(new Hook(sql, () -> {
        }, true));
    }

    /** Whether the hook has fired (or none was set). */
    public static boolean fired() {
        return HOOK.get() == null;
    }

    public static void clear() {
        HOOK.set(null);
    }

    @Bean
    static BeanPostProcessor hookedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).beforeQuery((execution, queries) -> {
                        Hook hook = HOOK.get();
                        if (hook != null && queries.stream().anyMatch(query -> hook.sql().test(query.getQuery()))
                                && HOOK.compareAndSet(hook, null)) {
                            hook.action().run();
                            if (hook.failing()) {
                                throw new IllegalStateException(
                                        new SQLException("connection lost, as the test decided", "08006"));
                            }
                        }
                    }).build();
                }
                return bean;
            }
        };
    }

    private record Hook(Predicate<String> sql, Runnable action, boolean failing) {
    }

}
