package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.RawHttp;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requests the server cannot parse unambiguously are {@code 400 invalid_request} on every
 * route, authenticated or not; never a 500, never a guess.
 */
class MalformedRequestTest extends ApiTest {

    private int port() {
        return Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "since=%%%", "since=%", "since=%2", "since=%ZZ", "since=%C3", "since=%C3%28", "since=%80",
            "limit=5&x=%G1" })
    void malformedPercentEncodingIsABadRequestOnAuthenticatedRoutes(String query) {
        World.Member creator = world.creator();

        Reply reply = RawHttp.send(port(), "GET", "/v2/handles/" + creator.handle() + "/skills?" + query,
                "Authorization: Bearer " + creator.token());

        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health/liveness?x=%%", "/actuator/health/readiness?%zz", "/v3/api-docs?%",
            "/v2/handles/links/skills?since=%%%", "/nothing?%E2%82" })
    void malformedPercentEncodingIsABadRequestWithoutATokenToo(String target) {
        Reply reply = RawHttp.send(port(), "GET", target);

        assertThat(reply.status()).as(target).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    @Test
    void wellEncodedUnicodeQueriesPass() {
        assertThat(MalformedRequests.wellEncoded("name=%C3%A9t%C3%A9&x=%F0%9F%98%80+y")).isTrue();
        assertThat(MalformedRequests.wellEncoded("a=b&c=")).isTrue();
    }

    @Test
    void aProbeWithAQueryStillAnswers() {
        assertThat(api.get("/actuator/health/liveness?verbose=1").send().status()).isEqualTo(200);
    }

    @Test
    void twoAuthorizationHeadersAreABadRequestEvenWhenTheFirstIsValid() {
        World.Member creator = world.creator();

        Reply reply = RawHttp.send(port(), "GET", "/v2/handles", "Authorization: Bearer " + creator.token(),
                "Authorization: Bearer nonsense");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    @Test
    void traceIsRefusedWithARequestIdAndNeverEchoed() {
        Reply reply = RawHttp.send(port(), "TRACE", "/v2/handles", "X-Secret-Probe: echo-me");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.error()).isEqualTo("method_not_allowed");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.body()).doesNotContain("echo-me");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        Reply reply = api.get("/error").send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("not_found");
    }

}
