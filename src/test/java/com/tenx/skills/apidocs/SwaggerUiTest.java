package com.tenx.skills.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Swagger UI at {@code /docs}, without a token, showing the document the server serves at
 * {@code /v3/api-docs} and nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
class SwaggerUiTest extends ApiTest {

    @Test
    void aStartLogsNoWarningFromSpringdoc(CapturedOutput output) {
        try (ConfigurableApplicationContext started = SecondServer.start(TestDatabase.get())) {
            assertThat(started.isRunning()).isTrue();
        }

        assertThat(output.getAll().lines().filter(line -> line.contains("org.springdoc")))
            .noneMatch(line -> line.contains("\"WARN\"") || line.contains(" WARN "));
    }

    @Test
    void docsLeadsToTheSwaggerUiPage() {
        Reply docs = api.get("/docs").send();
        String page = docs.status() / 100 == 3 ? URI.create(docs.header("Location")).getPath() : "/docs";

        Reply html = api.get(page).send();

        assertThat(docs.status()).as(docs.toString()).isIn(200, 302);
        assertThat(html.status()).as(html.toString()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("swagger-ui");
    }

    @Test
    void theUiIsConfiguredWithTheServedDocumentOnly() {
        Reply config = api.get("/v3/api-docs/swagger-config").send();

        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        JsonNode settings = Json.parse(config.body());
        assertThat(settings.path("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(settings.has("urls")).isFalse();
        assertThat(config.body()).doesNotContain("petstore");
        assertThat(api.get(settings.path("url").asString()).send().status()).isEqualTo(200);
    }

    @Test
    void theUiAssetsAreServed() {
        Reply docs = api.get("/docs").send();
        String page = docs.status() / 100 == 3 ? URI.create(docs.header("Location")).getPath() : "/docs";
        String base = page.substring(0, page.lastIndexOf('/') + 1);

        Reply initializer = api.get(base + "swagger-initializer.js").send();

        assertThat(initializer.status()).as(initializer.toString()).isEqualTo(200);
        assertThat(initializer.body()).contains("/v3/api-docs/swagger-config");
    }

}
