package com.tenx.skills.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.RawHttp;
import com.tenx.skills.support.Reply;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API description is served without a token, is the written file, and names every
 * route: those of the contract and every handler the application maps, so a new route
 * without documentation fails the build. (That the routes behave as documented is checked
 * on every exchange of the integration tests, see {@code support.ApiContract}.)
 */
class ApiDocsTest extends ApiTest {

    /** Every route of CONTRACT.md, written from it. */
    private static final Set<String> CONTRACT_ROUTES = Set.of("POST /v2/auth/login", "GET /v2/handles",
            "GET /v2/handles/{handle}/skills", "GET /v2/handles/{handle}/skills/events",
            "GET /v2/public/handles/{handle}/skills/events", "GET /v2/handles/{handle}/skills/{skillKey}",
            "PUT /v2/handles/{handle}/skills/{skillKey}", "DELETE /v2/handles/{handle}/skills/{skillKey}",
            "PUT /v2/handles/{handle}/skills/{skillKey}/runtime", "GET /v2/handles/{handle}/skills/{skillKey}/runtime",
            "POST /v2/handles/{handle}/skills/{skillKey}/publish",
            "GET /v2/handles/{handle}/skills/{skillKey}/versions",
            "GET /v2/handles/{handle}/skills/{skillKey}/versions/{version}", "GET /v2/handles/{handle}/audit",
            "PUT /v2/handles/{handle}/members/{userId}", "DELETE /v2/handles/{handle}/members/{userId}",
            "POST /v2/platform-admin/users", "PUT /v2/platform-admin/tenants/{tenantId}",
            "PUT /v2/platform-admin/handles/{handle}", "POST /v2/handles/{handle}/tokens",
            "GET /v2/handles/{handle}/tokens", "DELETE /v2/handles/{handle}/tokens/{tokenId}",
            "GET /v2/account/openanalyst/me", "GET /v2/public/handles/{handle}/skills",
            "GET /v2/public/handles/{handle}/skills/{skillKey}", "PUT /v2/public/handles/{handle}/skills/{skillKey}",
            "DELETE /v2/public/handles/{handle}/skills/{skillKey}",
            "PUT /v2/public/handles/{handle}/skills/{skillKey}/runtime",
            "GET /v2/public/handles/{handle}/skills/{skillKey}/runtime",
            "POST /v2/public/handles/{handle}/skills/{skillKey}/publish",
            "GET /v2/public/handles/{handle}/skills/{skillKey}/versions",
            "GET /v2/public/handles/{handle}/skills/{skillKey}/versions/{version}", "PUT /v2/account/password");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Test
    void descriptionIsServedAsJsonWithoutAToken() throws IOException {
        Reply reply = api.get("/v3/api-docs").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(Json.mapper().readTree(reply.body()).path("openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void descriptionIsServedAsYamlWithoutAToken() throws IOException {
        Reply reply = api.get("/v3/api-docs.yaml").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(normalized(Yaml.mapper().readTree(reply.body()))).isEqualTo(written());
    }

    @Test
    void servedDescriptionIsTheWrittenFile() throws IOException {
        JsonNode served = Json.mapper().readTree(api.get("/v3/api-docs").send().body());

        assertThat(normalized(served)).isEqualTo(written());
    }

    @Test
    void everyRouteOfTheContractIsDescribed() throws IOException {
        assertThat(described()).containsExactlyInAnyOrderElementsOf(CONTRACT_ROUTES);
    }

    /**
     * Every skill route of the PAT family is described as its JWT twin is: the same
     * parameters, body and answers, but for the token's own 401 and 403, and names its
     * scope.
     */
    @Test
    void thePatFamilyIsDescribedAsItsJwtTwin() throws IOException {
        JsonNode paths = written().get("paths");
        List<String> twins = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/v2/handles/{handle}/skills")) {
                return;
            }
            String twin = "/v2/public" + path.substring("/v2".length());
            twins.add(twin);
            assertThat(paths.has(twin)).as(twin).isTrue();
            paths.get(path).fieldNames().forEachRemaining(method -> {
                JsonNode jwt = paths.get(path).get(method);
                JsonNode pat = paths.get(twin).get(method);
                assertThat(pat).as("%s %s", method, twin).isNotNull();
                if (!jwt.has("responses")) {
                    assertThat(pat).as("%s of %s", method, twin).isEqualTo(jwt);
                    return;
                }
                assertThat(pat.path("x-token-scope").asText()).as("scope of %s %s", method, twin)
                    .isIn("skills.read", "skills.write", "skills.publish");
                assertThat(pat.get("parameters")).as("parameters of %s %s", method, twin)
                    .isEqualTo(jwt.get("parameters"));
                assertThat(pat.get("requestBody")).as("body of %s %s", method, twin).isEqualTo(jwt.get("requestBody"));
                ObjectNode expected = jwt.get("responses").deepCopy();
                ObjectNode actual = pat.get("responses").deepCopy();
                expected.remove(List.of("401", "403"));
                actual.remove(List.of("401", "403"));
                assertThat(actual).as("answers of %s %s", method, twin).isEqualTo(expected);
            });
        });
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/v2/public/")) {
                assertThat(twins).as("%s has a JWT twin", path).contains(path);
            }
        });
    }

    @Test
    void everyMappedRouteIsDescribedAndNothingElse() throws IOException {
        Set<String> mapped = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            Class<?> type = method.getBeanType();
            if (type.getName().startsWith("org.springdoc.") || ErrorController.class.isAssignableFrom(type)) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as("HTTP methods of %s", method).isNotEmpty();
            for (String path : info.getPatternValues()) {
                methods.forEach(verb -> mapped.add(verb.name() + " " + path));
            }
        });

        assertThat(mapped).containsExactlyInAnyOrderElementsOf(described());
    }

    @Test
    void theServersEntryNeverReflectsTheHostHeader() throws IOException {
        Reply reply = RawHttp.send(URI.create(api.base()).getPort(), "GET", "/v3/api-docs", "Host: attacker.example",
                "X-Forwarded-Host: attacker.example");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("attacker.example");
        JsonNode servers = Json.mapper().readTree(reply.body()).path("servers");
        assertThat(servers.size()).isOne();
        assertThat(servers.get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void theDescriptionIsServedWithAStrongETagAndRevalidatedWith304() {
        for (String path : new String[] { "/v3/api-docs", "/v3/api-docs.yaml" }) {
            Reply first = api.get(path).send();
            Reply second = api.get(path).send();
            String etag = first.header("ETag");

            assertThat(etag).as(path).matches("\"[0-9a-f]{32}\"");
            assertThat(second.header("ETag")).isEqualTo(etag);
            assertThat(second.body()).isEqualTo(first.body());
            Reply revalidated = api.get(path).header("If-None-Match", etag).send();
            assertThat(revalidated.status()).as(path).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
        }
    }

    @Test
    void onlyHealthAndPrometheusAreExposedAmongActuatorEndpoints() throws IOException {
        Reply reply = management.get("/actuator").send();

        assertThat(reply.status()).isEqualTo(200);
        List<String> links = new ArrayList<>();
        Json.mapper().readTree(reply.body()).path("_links").fieldNames().forEachRemaining(links::add);
        assertThat(links)
            .allMatch(link -> link.equals("self") || link.startsWith("health") || link.equals("prometheus"));
        assertThat(management.get("/actuator/env").send().status()).isEqualTo(404);
    }

    private Set<String> described() throws IOException {
        Set<String> routes = new TreeSet<>();
        JsonNode paths = Json.mapper().readTree(api.get("/v3/api-docs").send().body()).path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(key -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(key)) {
                routes.add(key.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
        return routes;
    }

    private static JsonNode written() throws IOException {
        try (InputStream in = new ClassPathResource(ApiDocsConfig.LOCATION).getInputStream()) {
            return normalized(Yaml.mapper().readTree(in));
        }
    }

    /**
     * The document without what the serving adds or reorders: the generated
     * {@code servers} entry, and the order of {@code required} lists (sets in meaning).
     */
    private static JsonNode normalized(JsonNode document) {
        JsonNode copy = document.deepCopy();
        ((ObjectNode) copy).remove("servers");
        sortRequired(copy);
        return copy;
    }

    private static void sortRequired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("required") instanceof ArrayNode required) {
                List<String> names = new ArrayList<>();
                required.forEach(name -> names.add(name.asText()));
                names.sort(null);
                required.removeAll();
                names.forEach(required::add);
            }
            object.forEach(ApiDocsTest::sortRequired);
        }
        else if (node instanceof ArrayNode array) {
            array.forEach(ApiDocsTest::sortRequired);
        }
    }

}
