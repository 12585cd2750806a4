package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.AccessLines;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A request held past its first dispatch (a long poll) gets its access line when it is
 * answered: one line, with the status it was answered with and its whole time.
 */
@ExtendWith(OutputCaptureExtension.class)
class HeldRequestAccessLineTest {

    @Test
    void aHeldCallIsLoggedOnceWhenAnsweredWithItsStatusAndTime(CapturedOutput output) {
        try (ConfigurableApplicationContext server = SecondServer.start(TestDatabase.get())) {
            Api api = new Api(SecondServer.portOf(server));
            World.Member creator = new World(api).creator();
            String path = "/v2/handles/" + creator.handle() + "/skills";
            String cursor = api.get(path).token(creator.token()).send().json().get("cursor").asString();
            String waiting = path + "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&wait=1";
            String etag = api.get(waiting).token(creator.token()).send().header("ETag");
            String requestId = World.unique("held");

            Reply held = api.get(waiting)
                .token(creator.token())
                .header("If-None-Match", etag)
                .header("X-Request-Id", requestId)
                .send();

            assertThat(held.status()).isEqualTo(304);
            JsonNode line = AccessLines.of(output, requestId);
            assertThat(line.get("http").get("status").asString()).isEqualTo("304");
            assertThat(Double.parseDouble(line.get("durationMs").asString())).isGreaterThanOrEqualTo(1000);
            assertThat(output.getOut().lines().filter(text -> text.contains(requestId)).count()).isEqualTo(1);
        }
    }

}
