package com.tenx.skills;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The control plane for hosted skills. Two of Spring Boot's auto-configurations are left
 * out: the in-memory user store (every caller is a bearer token) and the HTTP server
 * observation filter ({@code http.server.requests} is recorded by the access log, see
 * {@code web.RequestTimer}).
 */
@SpringBootApplication(
        excludeName = { "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration" })
public class SkillsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SkillsApplication.class, args);
    }

}
