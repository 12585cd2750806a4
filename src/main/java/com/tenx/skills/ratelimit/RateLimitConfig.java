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
 * Buckets in PostgreSQL when instances share one, in memory on the embedded default; the
 * handle routes' limit as an interceptor after the access check, so that when the
 * database is gone the access check's quick 503 answers first instead of the two waiting
 * for it in turn.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfig {

    @Bean
    BucketStore bucketStore(Deployment deployment, DataSource dataSource, Clock clock, RateLimitSettings settings) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        return deployment.embeddedDatabase() ? new LocalBuckets(settings.localMaxBuckets(), time)
                : new PostgresBuckets(dataSource, time);
    }

    @Bean
    RateLimiter rateLimiter(BucketStore bucketStore, RateLimitSettings settings, Clock clock) {
        return new RateLimiter(bucketStore, settings, clock);
    }

    @Bean
    WebMvcConfigurer handleRateLimit(RateLimiter limiter) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandleRateLimit(limiter))
                    .addPathPatterns("/v2/handles", "/v2/handles/**", "/v2/public/**")
                    .order(Ordered.LOWEST_PRECEDENCE);
            }
        };
    }

}
