package com.tenx.skills.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the walk-through's answers are compared: what is masked, and what still counts. */
class AnswersTest {

    private final Answers answers = new Answers();

    @Test
    void volatileValuesLayoutAndFieldOrderDoNotCount() {
        String shown = """
                {
                  "skillKey": "crm-lookup",
                  "updatedAt": "2026-12-01T21:24:23.912Z",
                  "publishedVersion": "v1796160263912",
                  "cursor": "YzEuMS4z"
                }""";
        String printed = "{\"publishedVersion\":\"v1800000000001\",\"skillKey\":\"crm-lookup\","
                + "\"updatedAt\":\"2027-01-02T03:04:05.006Z\",\"cursor\":\"YzEuMS45\"}";

        assertThat(answers.disagreement(shown, printed)).isNull();
    }

    @Test
    void aChangedValueIsShownAsADiff() {
        String disagreement = answers.disagreement("{\"skillKey\":\"crm-lookup\",\"runtimeStatus\":\"ready\"}",
                "{\"skillKey\":\"crm-lookup\",\"runtimeStatus\":\"published\"}");

        assertThat(disagreement).contains("-   \"runtimeStatus\" : \"ready\"")
            .contains("+   \"runtimeStatus\" : \"published\"")
            .contains("    \"skillKey\" : \"crm-lookup\"");
    }

    @Test
    void aVersionMustBeTheOneItWasBefore() {
        assertThat(answers.disagreement("{\"version\":\"v1796160263912\"}", "{\"version\":\"v1800000000001\"}"))
            .isNull();

        assertThat(answers.disagreement("{\"fromVersion\":\"v1796160263912\"}", "{\"fromVersion\":\"v1800000000002\"}"))
            .contains("-   \"fromVersion\" : \"<version-1>\"")
            .contains("+   \"fromVersion\" : \"<version-2>\"");
    }

    @Test
    void headersCountByStatusLineTheHeadersShownAndTheBody() {
        String shown = """
                HTTP/1.1 412
                X-Request-Id: 8968c61a-d47a-4c1e-8e48-fdbd1978d8ad
                Content-Type: application/json

                {"ok":false,"error":"precondition_failed"}""";
        String printed = "HTTP/1.1 412 \r\nX-Request-Id: 0e6d2b8e-5b0e-4a8c-9d7e-2f1c3a4b5c6d\r\n"
                + "Date: Tue, 01 Dec 2026 21:22:20 GMT\r\nContent-Type: application/json\r\n\r\n"
                + "{\"ok\":false,\"error\":\"precondition_failed\"}";

        assertThat(answers.disagreement(shown, printed)).isNull();
        assertThat(answers.disagreement(shown, printed.replace("412", "200"))).contains("+ HTTP/1.1 200");
        assertThat(answers.disagreement(shown, printed.replace("Content-Type: application/json\r\n", "")))
            .contains("+ content-type: (missing)");
    }

    @Test
    void aCommandWithoutAnAnswerMustPrintNothing() {
        assertThat(answers.disagreement(null, "")).isNull();
        assertThat(answers.disagreement(null, "curl: (7) Failed to connect")).contains("Failed to connect");
    }

}
