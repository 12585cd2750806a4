package com.tenx.skills.security;

import com.tenx.skills.config.Deployment;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.text.SafeCharacters;
import com.tenx.skills.web.ErrorResponses;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The one filter chain: stateless, bearer tokens only, every {@code /v2} route
 * authenticated except login: control-plane access tokens everywhere but on the PAT
 * family ({@code /v2/public/...}), which takes personal access tokens only. Role checks
 * on handles happen per route in the identity feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class SecurityConfig {

    @Bean
    SigningKeys signingKeys(TokenSettings settings, Deployment deployment) {
        return SigningKeys.create(settings, deployment.embeddedDatabase(), deployment.dataDir());
    }

    @Bean
    TokenService tokenService(SigningKeys keys, TokenSettings settings, Clock clock,
            ObjectProvider<TokensNotBefore> notBefore) {
        return new TokenService(keys, settings, clock, notBefore.getIfAvailable(() -> TokensNotBefore.NONE));
    }

    /**
     * No observations of Spring Security's filters, authentications or authorizations:
     * they feed no metric we export. Switching them off by property
     * ({@code management.observations.enable.spring.security}) only turns each into a
     * no-op; with this setting Spring Security does not wrap every filter of the chain in
     * an observing decorator in the first place.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UnauthenticatedBulkhead unauthenticatedBulkhead(ErrorResponses errors,
            @Value("${skills.unauthenticated.concurrency:0}") int concurrency,
            @Value("${skills.unauthenticated.queue:100}") int queue,
            @Value("${skills.unauthenticated.max-wait:5s}") Duration maxWait) {
        int slots = concurrency > 0 ? concurrency : Math.max(2, Runtime.getRuntime().availableProcessors());
        return new UnauthenticatedBulkhead(slots, queue, maxWait, errors);
    }

    /** Only in the filter chain below, not on every request of the servlet container. */
    @Bean
    FilterRegistrationBean<UnauthenticatedBulkhead> unauthenticatedBulkheadInChainOnly(
            UnauthenticatedBulkhead bulkhead) {
        FilterRegistrationBean<UnauthenticatedBulkhead> registration = new FilterRegistrationBean<>(bulkhead);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, PersonalTokens personalTokens,
            ErrorResponses errors, UnauthenticatedBulkhead bulkhead) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            // No anonymous principal (a request without a token has no authentication,
            // which the authorization filter refuses as it refused the anonymous one) and
            // no Servlet API wrapper around the request (nothing asks the request for its
            // user or roles): two filters fewer on every request.
            .anonymous(AbstractHttpConfigurer::disable)
            .servletApi(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // The anonymous filter's place in the chain, where it would run: just before
            // authorization.
            .addFilterBefore(new BearerTokenFilter(tokens, personalTokens, errors), AnonymousAuthenticationFilter.class)
            .addFilterAfter(bulkhead, BearerTokenFilter.class)
            .authorizeHttpRequests(requests -> requests
                // The answer of a held request (push sync): authorised when it came in.
                .dispatcherTypeMatchers(DispatcherType.ASYNC)
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/v2/auth/login")
                .permitAll()
                .requestMatchers("/v2/**")
                .authenticated()
                .anyRequest()
                .permitAll())
            .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) -> {
                Object failure = request.getAttribute(BearerTokenFilter.FAILURE_ATTRIBUTE);
                TokenRejected rejected = failure instanceof TokenRejected r ? r : TokenRejected.missing();
                errors.write(response, rejected.code(), rejected.getMessage());
            })
                .accessDeniedHandler((request, response, e) -> errors.write(response, ErrorCode.INSUFFICIENT_ROLE,
                        "You may not use this route.")))
            .build();
    }

    /**
     * Lets an encoded slash through to path validation (it is an invalid skill key, not
     * an attack on the route matching: every {@code /v2} route is authenticated by
     * prefix). Headers and parameters are held to the firewall's default characters,
     * checked without a regular expression ({@link SafeCharacters}).
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        // Access is decided by path, never by method, so any method may reach Spring MVC,
        // which
        // answers 405 with the methods a route allows.
        firewall.setUnsafeAllowAnyHttpMethod(true);
        firewall.setAllowedHeaderNames(SafeCharacters::inNameOrParameter);
        firewall.setAllowedHeaderValues(SafeCharacters::inHeaderValue);
        firewall.setAllowedParameterNames(SafeCharacters::inNameOrParameter);
        firewall.setAllowedParameterValues(SafeCharacters::inNameOrParameter);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ErrorResponses errors) {
        return (request, response, e) -> errors.write(response, ErrorCode.INVALID_REQUEST,
                "The request URL is not acceptable.");
    }

}
