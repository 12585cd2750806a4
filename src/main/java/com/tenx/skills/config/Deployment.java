package com.tenx.skills.config;

import java.nio.file.Path;

/**
 * Where this instance runs: on the embedded default database (a single local process,
 * kept under the data directory) or on an external PostgreSQL shared by several
 * instances.
 */
public record Deployment(boolean embeddedDatabase, Path dataDir) {

    public static Deployment of(String datasourceUrl, Path dataDir) {
        return new Deployment(datasourceUrl == null || datasourceUrl.startsWith("jdbc:h2:"), dataDir);
    }
}
