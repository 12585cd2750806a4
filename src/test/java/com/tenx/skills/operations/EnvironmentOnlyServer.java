package com.tenx.skills.operations;

import com.tenx.skills.SkillsApplication;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The application started as a container starts it: configured by environment variables
 * only, here exactly {@code variables} in place of the process environment (and no system
 * properties or command-line arguments), remembering which of them were read.
 * <p>
 * Spring looks environment variables up in the map of the {@code systemEnvironment}
 * property source (relaxed binding maps property names to variable names and asks the map
 * directly), so the map records every name asked for that it holds.
 */
final class EnvironmentOnlyServer implements AutoCloseable {

    private final ReadRecordingMap variables;

    private final ConfigurableApplicationContext context;

    private EnvironmentOnlyServer(ReadRecordingMap variables, ConfigurableApplicationContext context) {
        this.variables = variables;
        this.context = context;
    }

    static EnvironmentOnlyServer start(Map<String, String> environment) {
        ReadRecordingMap variables = new ReadRecordingMap(environment);
        StandardEnvironment springEnvironment = new StandardEnvironment();
        MutablePropertySources sources = springEnvironment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SkillsApplication.class)
            .environment(springEnvironment)
            .run();
        return new EnvironmentOnlyServer(variables, context);
    }

    /** The names of the variables the application has read so far. */
    Set<String> read() {
        return new TreeSet<>(variables.read);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }

    private static final class ReadRecordingMap extends HashMap<String, Object> {

        private final Set<String> read = ConcurrentHashMap.newKeySet();

        ReadRecordingMap(Map<String, String> variables) {
            super(variables);
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            if (value != null) {
                read.add((String) key);
            }
            return value;
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            Object value = get(key);
            return (value != null) ? value : defaultValue;
        }

    }

}
