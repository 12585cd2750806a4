package com.tenx.skills.embedded;

import com.tenx.skills.SkillsApplication;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.World;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as an operator starts it with nothing configured but a data directory
 * and a bootstrap admin: no datasource URL (so {@code application.properties}' embedded
 * default applies) and no signing secret.
 */
final class EmbeddedServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EmbeddedServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmbeddedServer start(Path dataDir) {
        return new EmbeddedServer(
                new SpringApplicationBuilder(SkillsApplication.class).run("--skills.data-dir=" + dataDir,
                        "--server.port=0", "--skills.bootstrap-admin.email=" + World.ADMIN_EMAIL,
                        "--skills.bootstrap-admin.password=" + World.ADMIN_PASSWORD));
    }

    Api api() {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    @Override
    public void close() {
        context.close();
    }

}
