package com.tenx.skills.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on the contract's error body. */
public final class Errors {

    private Errors() {
    }

    /**
     * {@code reply} is the contract error {@code code} with {@code status}, in the
     * contract's shape.
     */
    public static JsonNode assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertContractShape(reply);
        JsonNode body = reply.json();
        assertThat(body.path("error").asString()).as("error of %s", reply).isEqualTo(code);
        return body;
    }

    /**
     * The body is {@code {"ok":false,"error","message","details"?}} as JSON, never
     * Spring's or HTML.
     */
    public static void assertContractShape(Reply reply) {
        assertThat(reply.header("Content-Type")).as("content type of %s", reply).startsWith("application/json");
        assertThat(reply.body()).doesNotContainIgnoringCase("<html");
        JsonNode body = reply.json();
        assertThat(body.path("ok").isBoolean() && !body.path("ok").asBoolean()).as("ok:false in %s", reply).isTrue();
        assertThat(body.path("message").asString()).as("message of %s", reply).isNotBlank();
        assertThat(body.has("timestamp")).as("Spring's timestamp in %s", reply).isFalse();
        assertThat(body.has("status")).as("Spring's status in %s", reply).isFalse();
        assertThat(body.has("trace")).as("a trace in %s", reply).isFalse();
        body.propertyNames().forEach(name -> assertThat(name).isIn("ok", "error", "message", "details"));
    }

    /** The error names {@code field} in its {@code details}. */
    public static void assertDetail(Reply reply, String field) {
        assertThat(reply.json().path("details").valueStream().map(d -> d.path("field").asString()).toList())
            .as("details of %s", reply)
            .contains(field);
    }

}
