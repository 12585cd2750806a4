package com.tenx.skills.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application runs on the calling thread (datasource-proxy
 * around the application's DataSource), and keeps the SQL of each execution, one round
 * trip to the database. Import it into a test context and read {@link #onThisThread()} or
 * {@link #executedOnThisThread()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private static final ThreadLocal<List<String>> EXECUTED = ThreadLocal.withInitial(ArrayList::new);

    public static void reset() {
        COUNT.get()[0] = 0;
        EXECUTED.get().clear();
    }

    /**
     * The SQL of each execution on this thread since {@link #reset()}, in order; the
     * statements of one execution joined by {@code ;\n}.
     */
    public static List<String> executedOnThisThread() {
        return List.copyOf(EXECUTED.get());
    }

    public static int onThisThread() {
        return COUNT.get()[0];
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource
                        && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).afterQuery((execution, queries) -> {
                        COUNT.get()[0] += queries.size();
                        EXECUTED.get()
                            .add(queries.stream().map(QueryInfo::getQuery).collect(Collectors.joining(";\n")));
                    }).build();
                }
                return bean;
            }
        };
    }

}
