package com.tenx.skills.support;

import com.tenx.skills.SkillsApplication;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final String[] settings;

    private ConfigurableApplicationContext context;

    private int port;

    /**
     * An instance with the test settings and {@code settings} ({@code --name=value}) over
     * them.
     */
    public SecondServer(String... settings) {
        this.settings = settings.clone();
    }

    /**
     * Starts an instance with the test settings on {@code database}, on a free port, with
     * any further settings as {@code --name=value} arguments, which replace a test
     * setting of the same name.
     */
    public static ConfigurableApplicationContext start(TestDatabase database, String... settings) {
        Map<String, String> merged = new LinkedHashMap<>(TestSettings.properties(database));
        merged.put("server.port", "0");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            merged.put(setting.substring(2, equals), setting.substring(equals + 1));
        }
        String[] args = merged.entrySet()
            .stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(SkillsApplication.class).run(args);
    }

    /** The port an application context's web server listens on. */
    public static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = start(TestDatabase.get(), settings);
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
