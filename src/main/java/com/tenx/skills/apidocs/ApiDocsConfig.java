package com.tenx.skills.apidocs;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Serves {@value #LOCATION} as the API description. The controllers take raw bodies and
 * an injected access grant, so a description generated from their signatures would be
 * wrong; this one is written from the contract and kept true by the integration tests,
 * which validate every request and response against the served document. Scanning is
 * limited to this package (which has no controllers), and the customizer replaces
 * whatever springdoc generated anyway.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static final String LOCATION = "openapi/skills-api.yaml";

    @Bean
    OpenAPI skillsApi() {
        return load();
    }

    @Bean
    OpenApiCustomizer describedByTheContract() {
        return generated -> {
            OpenAPI written = load();
            generated.setOpenapi(written.getOpenapi());
            generated.setInfo(written.getInfo());
            generated.setTags(written.getTags());
            generated.setSecurity(written.getSecurity());
            generated.setPaths(written.getPaths());
            generated.setComponents(written.getComponents());
            generated.setExtensions(written.getExtensions());
        };
    }

    static OpenAPI load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return Yaml.mapper().readValue(in, OpenAPI.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API description " + LOCATION, e);
        }
    }

}
