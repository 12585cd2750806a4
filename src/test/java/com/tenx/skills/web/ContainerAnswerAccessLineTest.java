package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.AccessLines;
import com.tenx.skills.support.RawHttp;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A request that Tomcat answers itself, before any filter of the application runs, has
 * its access line too.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContainerAnswerAccessLineTest {

    @Test
    void aMalformedUrlIsLoggedWithItsStatusAndRequestId(CapturedOutput output) {
        try (ConfigurableApplicationContext server = SecondServer.start(TestDatabase.get())) {
            String requestId = World.unique("bad-url");

            assertThat(RawHttp
                .send(SecondServer.portOf(server), "GET", "/v2/handles/x/skills/a%ZZ", "X-Request-Id: " + requestId)
                .status()).isEqualTo(400);

            JsonNode line = AccessLines.of(output, requestId);
            assertThat(line.get("http").get("status").asString()).isEqualTo("400");
            assertThat(line.get("http").get("route").asString()).isEqualTo("unmatched");
            assertThat(line.get("requestId").asString()).isEqualTo(requestId);
        }
    }

}
