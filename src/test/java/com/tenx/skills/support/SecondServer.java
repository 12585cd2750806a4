package com.tenx.skills.support;

import com.tenx.skills.SkillsApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application on the same database as {@link ApiTest}'s server,
 * for tests of what several instances behind a load balancer must guarantee together.
 * Register it with
 * {@code @RegisterExtension static final SecondServer second = new SecondServer();}: it
 * starts before the test class and stops after it.
 * <p>
 * The settings go in as command-line arguments: default properties would lose to
 * {@code application.properties} (its embedded database URL and port 8080).
 */
public final class SecondServer implements BeforeAllCallback, AfterAllCallback {

    private ConfigurableApplicationContext context;

    private int port;

    /**
     * Starts an instance with the test settings on {@code database}, on a free port, with
     * any further settings as {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext start(TestDatabase database, String... settings) {
        List<String> args = new ArrayList<>();
        TestSettings.properties(database).forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--server.port=0");
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(SkillsApplication.class).run(args.toArray(String[]::new));
    }

    /** The port an application context's web server listens on. */
    public static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = start(TestDatabase.get());
        port = portOf(context);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

}
