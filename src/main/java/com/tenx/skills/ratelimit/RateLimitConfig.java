package com.tenx.skills.ratelimit;

import com.tenx.skills.config.Deployment;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Buckets in PostgreSQL when instances share one, in memory on the embedded default; the handle
 * routes' limit as the first interceptor, ahead of the access check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfig {

    @Bean
    BucketStore bucketStore(Deployment deployment, DataSource dataSource, Clock clock, RateLimitSettings settings) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        return deployment.embeddedDatabase()
                ? new LocalBuckets(settings.localMaxBuckets(), time)
                : new PostgresBuckets(dataSource, time);
    }

    @Bean
    RateLimiter rateLimiter(BucketStore bucketStore, RateLimitSettings settings) {
        return new RateLimiter(bucketStore, settings);
    }

    @Bean
    WebMvcConfigurer handleRateLimit(RateLimiter limiter) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandleRateLimit(limiter))
                        .addPathPatterns("/v2/handles", "/v2/handles/**")
                        .order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }
}
