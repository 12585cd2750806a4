package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.AccessLines;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The client address that rate limits and logs see is the TCP peer, unless the peer is a
 * proxy named in {@code SKILLS_TRUSTED_PROXIES}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientAddressTest {

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer(CapturedOutput output) {
        try (ConfigurableApplicationContext server = SecondServer.start(TestDatabase.get())) {
            String requestId = World.unique("xff");

            new Api(SecondServer.portOf(server)).get("/actuator/health/liveness")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Request-Id", requestId)
                .send();

            assertThat(AccessLines.of(output, requestId).get("client").asString()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aTrustedProxyNamesTheRightMostAddressOutsideTheList(CapturedOutput output) {
        try (ConfigurableApplicationContext server = SecondServer.start(TestDatabase.get(),
                "--SKILLS_TRUSTED_PROXIES=127.0.0.1/32, 10.0.0.0/8")) {
            String requestId = World.unique("xff");

            new Api(SecondServer.portOf(server)).get("/actuator/health/liveness")
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.1.2.3")
                .header("X-Request-Id", requestId)
                .send();

            assertThat(AccessLines.of(output, requestId).get("client").asString()).isEqualTo("203.0.113.7");
        }
    }

}
