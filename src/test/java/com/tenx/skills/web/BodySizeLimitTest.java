package com.tenx.skills.web;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies over 1 MiB are 413 payload_too_large, whether the length is declared or streamed
 * in chunks.
 */
class BodySizeLimitTest extends ApiTest {

    private static final int MIB = 1024 * 1024;

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    /**
     * A metadata body of exactly {@code size} bytes: the seed's, padded in its system
     * prompt.
     */
    private static byte[] skillBodyOf(int size) {
        String base = Json.skill().put("systemPrompt", "").toString();
        String padded = base.replace("\"systemPrompt\":\"\"",
                "\"systemPrompt\":\"" + "p".repeat(size - base.length()) + "\"");
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    private Reply sendChunked(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + skills.token())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
        HttpResponse<String> response = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    @Test
    void declaredLengthOverTheLimitIs413() {
        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(skillBodyOf(MIB + 1), "application/json")
            .send();

        assertError(reply, 413, "payload_too_large");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        Reply reply = sendChunked("PUT", skills.path("crm-lookup"), skillBodyOf(MIB + MIB / 2));

        assertError(reply, 413, "payload_too_large");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void chunkedRuntimeBodyOverTheLimitIs413() throws Exception {
        skills.put("crm-lookup", Json.skill());
        String base = Json.runtime().toString();
        byte[] body = base.replace("\"args\":[]", "\"args\":[\"" + "a".repeat(MIB + 10) + "\"]")
            .getBytes(StandardCharsets.UTF_8);

        assertError(sendChunked("PUT", skills.path("crm-lookup") + "/runtime", body), 413, "payload_too_large");
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
    }

    @Test
    void bodyOfExactlyTheLimitIsNotRefusedForItsSize() throws Exception {
        Reply declared = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(skillBodyOf(MIB), "application/json")
            .send();
        Reply chunked = sendChunked("PUT", skills.path("crm-lookup"), skillBodyOf(MIB));

        assertError(declared, 400, "invalid_request");
        assertError(chunked, 400, "invalid_request");
    }

    @Test
    void smallChunkedBodyIsServed() throws Exception {
        Reply reply = sendChunked("PUT", skills.path("crm-lookup"),
                Json.skill().toString().getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("CRM Lookup");
    }

}
