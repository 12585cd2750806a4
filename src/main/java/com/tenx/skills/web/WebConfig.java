package com.tenx.skills.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web edge: request ids and the body limit ahead of everything, JSON as the only
 * answer.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AccessLog> accessLog(MeterRegistry registry) {
        FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(
                new AccessLog(new RequestTimer(registry)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ErrorResponses errors,
            @Value("${skills.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(maxBodySize.toBytes(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequests(ErrorResponses errors) {
        FilterRegistrationBean<MalformedRequests> registration = new FilterRegistrationBean<>(
                new MalformedRequests(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseTimeBudget> databaseTimeBudget(
            @Value("${skills.database.request-budget:3s}") Duration budget) {
        FilterRegistrationBean<DatabaseTimeBudget> registration = new FilterRegistrationBean<>(
                new DatabaseTimeBudget(budget));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    /** Every data source keeps to the database time budget of the request using it. */
    @Bean
    static BeanPostProcessor databaseTimeBudgetOnDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? DatabaseTimeBudget.around(dataSource) : bean;
            }
        };
    }

    /** Spring MVC's route lookup, holding each route against the path first. */
    @Bean
    WebMvcRegistrations pathFirstRouteLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstRouteLookup();
            }
        };
    }

    /**
     * TRACE reaches the application (which refuses it, see {@link MalformedRequests})
     * instead of being answered by the container without a request id.
     */
    @Bean
    TomcatConnectorCustomizer traceReachesTheApplication() {
        return connector -> connector.setAllowTrace(true);
    }

    /**
     * An encoded slash in a skill key must reach validation as {@code invalid_skill_key},
     * not be refused by the container with its own error page.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashReachesTheApplication() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /**
     * Each connection's socket write buffer holds 16 KB instead of Tomcat's 8 KB, so that
     * an answer up to that size (a list of a few dozen skills with its headers) leaves in
     * one write to the socket, not a full buffer and then its last few bytes in a second.
     * It costs 8 KB more per open connection: 8 MB for 1,000 held long polls.
     */
    @Bean
    TomcatConnectorCustomizer answersUpTo16KbInOneSocketWrite() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(16 * 1024));
    }

    @Bean
    TomcatContextCustomizer jsonErrorReports(ErrorResponses errors) {
        return context -> JsonErrorReportValve.install(context, errors);
    }

    /**
     * JSON whatever the client accepts; any type after it only so that the one route
     * producing something else (the API description as YAML, {@code /v3/api-docs.yaml})
     * is not refused.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
    }

}
