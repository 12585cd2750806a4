package com.tenx.skills.apidocs;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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

    /**
     * The document with its {@code servers} fixed: {@code SKILLS_PUBLIC_BASE_URL} when it
     * is set, else the relative {@code /}. Never taken from the request, whose
     * {@code Host} header the caller chooses.
     */
    @Bean
    OpenAPI skillsApi(@Value("${skills.public-base-url:}") String publicBaseUrl) {
        OpenAPI written = load();
        written.setServers(List.of(new Server().url(publicBaseUrl.isBlank() ? "/" : publicBaseUrl.strip())));
        return written;
    }

    @Bean
    OpenApiCustomizer describedByTheContract(OpenAPI skillsApi) {
        return generated -> {
            OpenAPI written = skillsApi;
            generated.setServers(written.getServers());
            generated.setOpenapi(written.getOpenapi());
            generated.setInfo(written.getInfo());
            generated.setTags(written.getTags());
            generated.setSecurity(written.getSecurity());
            generated.setPaths(written.getPaths());
            generated.setComponents(written.getComponents());
            generated.setExtensions(written.getExtensions());
        };
    }

    /**
     * The document never changes while the server runs, so it is rendered once per form
     * and then served from memory with a strong ETag; behind the security filters, so
     * that callers without a token share their few slots (see
     * {@code security.UnauthenticatedBulkhead}).
     */
    @Bean
    FilterRegistrationBean<RenderedOnce> apiDocsRenderedOnce() {
        FilterRegistrationBean<RenderedOnce> registration = new FilterRegistrationBean<>(new RenderedOnce());
        registration.addUrlPatterns("/v3/api-docs", "/v3/api-docs.yaml");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
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
