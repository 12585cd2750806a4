package com.tenx.skills.operations;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The probes on the API port and the drain on shutdown. */
@Configuration(proxyBeanMethods = false)
class OperationsConfig {

    /**
     * After the request id, the access log and the refusal of malformed requests, so
     * probe requests carry an id and are logged like any other; before security and
     * Spring MVC, which they do not need.
     */
    @Bean
    FilterRegistrationBean<ApiPortProbes> apiPortProbes(HealthEndpoint health) {
        FilterRegistrationBean<ApiPortProbes> registration = new FilterRegistrationBean<>(new ApiPortProbes(health));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    GracefulDrain gracefulDrain(@Value("${skills.shutdown.drain:5s}") Duration drain) {
        return new GracefulDrain(drain);
    }

}
