package com.tenx.skills.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push sync and idempotency keys on the embedded default database: within the one
 * process, a held call is answered after the write commits, and a retried publish makes
 * one version.
 */
class EmbeddedPushTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHeldCallIsAnsweredByAWriteAndARetriedPublishMakesOneVersion() throws Exception {
        Api api = server.api();
        SkillApi skills = new SkillApi(api, new World(api).creator());
        String cursor = skills.getList().json().get("cursor").asString();
        CompletableFuture<Reply> held = CompletableFuture.supplyAsync(() -> api
            .get(skills.list() + "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&wait=30")
            .token(skills.token())
            .send());
        Thread.sleep(500);
        assertThat(held).isNotDone();
        skills.createReady("crm-lookup");

        Reply answer = held.get(10, TimeUnit.SECONDS);
        assertThat(answer.json().get("skills").get(0).get("skillKey").asString()).isEqualTo("crm-lookup");

        Reply first = api.post(skills.path("crm-lookup") + "/publish")
            .token(skills.token())
            .header("Idempotency-Key", "embedded-1")
            .send();
        Reply retry = api.post(skills.path("crm-lookup") + "/publish")
            .token(skills.token())
            .header("Idempotency-Key", "embedded-1")
            .send();
        Reply reused = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .header("Idempotency-Key", "embedded-1")
            .json(Json.skill())
            .send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(skills.versions("crm-lookup").json().get("versions")).hasSize(1);
    }

}
