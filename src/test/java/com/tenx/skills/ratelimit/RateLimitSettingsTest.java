package com.tenx.skills.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The limits as the README names them: environment variables. */
class RateLimitSettingsTest {

    private static RateLimitSettings bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("skills.rate-limit",
                RateLimitSettings.class);
    }

    @Test
    void environmentVariablesSetTheLimits() {
        RateLimitSettings settings = bind(Map.of("SKILLS_RATE_LIMIT_ENABLED", "false",
                "SKILLS_RATE_LIMIT_HANDLES_CAPACITY", "50", "SKILLS_RATE_LIMIT_HANDLES_PERIOD", "10s",
                "SKILLS_RATE_LIMIT_LOGIN_CAPACITY", "3", "SKILLS_RATE_LIMIT_LOGIN_PERIOD", "1h"));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.handles()).isEqualTo(new RateLimitSettings.Quota(50L, Duration.ofSeconds(10)));
        assertThat(settings.login()).isEqualTo(new RateLimitSettings.Quota(3L, Duration.ofHours(1)));
    }

    @Test
    void withoutSettingsTheDefaultsAreGenerous() {
        RateLimitSettings settings = bind(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.handles()).isEqualTo(new RateLimitSettings.Quota(600L, Duration.ofMinutes(1)));
        assertThat(settings.login()).isEqualTo(new RateLimitSettings.Quota(10L, Duration.ofMinutes(1)));
        assertThat(settings.localMaxBuckets()).isEqualTo(10_000);
    }

}
