package com.tenx.skills.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, the deployment facts, and the one per-vendor detail of the migrations. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InfrastructureConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Deployment deployment(@Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${skills.data-dir:./data}") Path dataDir) {
        return Deployment.of(datasourceUrl, dataDir);
    }

    /**
     * Skill keys and handles sort by code point on every database: PostgreSQL columns get
     * the {@code "C"} collation whatever the database's locale; H2 compares by code point
     * already.
     */
    @Bean
    FlywayConfigurationCustomizer binaryCollation() {
        return configuration -> {
            String collation;
            try (Connection connection = configuration.getDataSource().getConnection()) {
                boolean postgres = connection.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
                collation = postgres ? "COLLATE \"C\"" : "";
            }
            catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database to migrate it", e);
            }
            configuration.placeholders(java.util.Map.of("binary_collation", collation));
        };
    }

}
