package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.RawHttp;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response carries an X-Request-Id: the caller's when it is sane, a fresh one
 * otherwise.
 */
class RequestIdTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "abc-123", "7f3c9a1e-2b4d-4c8e-9f00-112233445566", "trace.id:42_x", "A" })
    void saneRequestIdIsEchoed(String id) {
        SkillApi skills = new SkillApi(api, world.creator());

        Reply reply = api.get(skills.list()).token(skills.token()).header("X-Request-Id", id).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void overLongRequestIdIsReplaced() {
        String id = "a".repeat(300);

        Reply reply = api.get("/nope").header("X-Request-Id", id).send();

        assertThat(reply.header("X-Request-Id")).isNotBlank().isNotEqualTo(id).hasSizeLessThanOrEqualTo(128);
    }

    @ParameterizedTest
    @ValueSource(strings = { "has spaces in it", "semi;colon", "<script>", "-leading-dash", "quote\"d" })
    void insaneRequestIdIsReplaced(String id) {
        Reply reply = api.get("/nope").header("X-Request-Id", id).send();

        assertThat(reply.header("X-Request-Id")).isNotBlank().isNotEqualTo(id).matches("[A-Za-z0-9._:-]+");
    }

    @Test
    void missingRequestIdIsGeneratedAndDiffersPerRequest() {
        String first = api.get("/nope").send().header("X-Request-Id");
        String second = api.get("/nope").send().header("X-Request-Id");

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void errorsOfEveryLayerCarryARequestId() {
        SkillApi skills = new SkillApi(api, world.creator());
        int port = URI.create(api.base()).getPort();

        assertThat(api.get(skills.list()).header("X-Request-Id", "no-token-1").send().header("X-Request-Id"))
            .isEqualTo("no-token-1");
        assertThat(skills.put("crm_lookup", Json.skill()).header("X-Request-Id")).isNotBlank();
        assertThat(api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .header("X-Request-Id", "too-big-1")
            .header("Content-Type", "application/json")
            .body(new byte[2 * 1024 * 1024], null)
            .send()
            .header("X-Request-Id")).isEqualTo("too-big-1");
        assertThat(RawHttp.send(port, "GET", "/v2/handles/x/skills/a%ZZ", "X-Request-Id: bad-url-1")
            .header("X-Request-Id")).isEqualTo("bad-url-1");
        assertThat(
                RawHttp.send(port, "GET", "/v2/handles/x/skills/a%00", "X-Request-Id: bad url").header("X-Request-Id"))
            .isNotBlank()
            .isNotEqualTo("bad url");
    }

}
