package com.tenx.skills.ratelimit;

import com.tenx.skills.SkillsApplication;
import com.tenx.skills.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance of the server with its own settings (small limits), on a free port. The
 * settings go in as command-line arguments, since default properties would lose to
 * application.properties.
 */
final class LimitedServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private LimitedServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static LimitedServer start(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>(base);
        settings.putAll(overrides);
        settings.put("server.port", "0");
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new LimitedServer(
                new SpringApplicationBuilder(SkillsApplication.class).run(args.toArray(String[]::new)));
    }

    Api api() {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Override
    public void close() {
        context.close();
    }

}
