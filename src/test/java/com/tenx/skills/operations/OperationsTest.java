package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Logs;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * What operators rely on: probes, Prometheus metrics and one structured log line per
 * request.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends ApiTest {

    @Test
    void probesAnswerWithoutAToken() {
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        Reply readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusHasRequestsByRouteTemplateThePoolAndTheJvm() {
        World.Member creator = world.creator();
        api.get("/v2/handles/" + creator.handle() + "/skills").token(creator.token()).send();

        String metrics = management.get("/actuator/prometheus").send().body();

        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/v2/handles/\\{handle\\}/skills\"");
        assertThat(metrics).doesNotContain("uri=\"/v2/handles/" + creator.handle());
        assertThat(metrics).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
    }

    /**
     * The tags of {@code http.server.requests}, exactly as Spring's observation of a
     * request gives them: for an answer, a refusal before any handler (no route yet, so
     * {@code UNKNOWN}), an error answered by a handler, a path no route matches
     * ({@code NOT_FOUND}), and a held request, timed when it is answered.
     */
    @Test
    void requestMetricsHaveTheTagsOfSpringsHttpObservation() {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";
        String cursor = api.get(skills).token(creator.token()).send().json().get("cursor").asString();
        api.get(skills).send();
        api.get(skills + "/no-such-skill").token(creator.token()).send();
        api.get("/v2/no-such-route").token(creator.token()).send();
        Reply changes = api.get(skills + "?since=" + cursor).token(creator.token()).send();
        String held = skills + "?since=" + cursor + "&wait=1";
        assertThat(api.get(held).token(creator.token()).header("If-None-Match", changes.header("ETag")).send().status())
            .isEqualTo(304);

        String metrics = management.get("/actuator/prometheus").send().body();

        assertThat(metrics).containsPattern(count("GET", "SUCCESS", 200, "/v2/handles/\\{handle\\}/skills"))
            .containsPattern(count("GET", "CLIENT_ERROR", 401, "UNKNOWN"))
            .containsPattern(count("GET", "CLIENT_ERROR", 404, "/v2/handles/\\{handle\\}/skills/\\{skillKey\\}"))
            .containsPattern(count("GET", "CLIENT_ERROR", 404, "NOT_FOUND"))
            .containsPattern(count("GET", "REDIRECTION", 304, "/v2/handles/\\{handle\\}/skills"));
    }

    private static String count(String method, String outcome, int status, String uri) {
        return "(?m)^http_server_requests_seconds_count\\{error=\"none\",exception=\"none\",method=\"" + method
                + "\",outcome=\"" + outcome + "\",status=\"" + status + "\",uri=\"" + uri + "\"\\} [1-9]";
    }

    @Test
    void everyRequestLogsOneStructuredLineWithoutTheToken(CapturedOutput output) {
        World.Member creator = world.creator();
        String requestId = World.unique("ops");

        api.put("/v2/handles/" + creator.handle() + "/skills/crm-lookup")
            .token(creator.token())
            .header("X-Request-Id", requestId)
            .json(Json.skill())
            .send();
        Logs.awaitWritten(output);

        JsonNode line = Arrays.stream(output.getOut().split("\n"))
            .filter((text) -> text.contains(requestId) && text.contains("\"logger\":\"access\""))
            .map(Json::parse)
            .findFirst()
            .orElseThrow();
        assertThat(line.get("requestId").asString()).isEqualTo(requestId);
        assertThat(line.get("userId").asString()).isEqualTo(creator.user().id());
        assertThat(line.get("handle").asString()).isEqualTo(creator.handle());
        assertThat(line.get("http").get("route").asString()).isEqualTo("/v2/handles/{handle}/skills/{skillKey}");
        assertThat(line.get("http").get("method").asString()).isEqualTo("PUT");
        assertThat(line.get("http").get("status").asString()).isEqualTo("201");
        assertThat(Double.parseDouble(line.get("durationMs").asString())).isPositive();
        assertThat(output.getOut()).doesNotContain(creator.token()).doesNotContain(creator.user().password());
    }

}
