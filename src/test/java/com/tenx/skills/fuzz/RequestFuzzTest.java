package com.tenx.skills.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Errors;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random requests on every route of the API description: bodies that are the route's own
 * with one field replaced by a value of any JSON type (look-alikes, NUL, unpaired
 * surrogates, huge numbers, deep nesting), random JSON or bytes that are not JSON;
 * content types and bearer tokens of every kind; path segments with malformed and
 * look-alike encodings. Whatever is sent, the answer is never a 5xx, an error is the
 * contract's body, and {@link Api} checks every answer against the served description
 * (and every accepted request too, so the description is never looser than the server).
 * <p>
 * The seed is fixed, so the build is repeatable; {@code -Djqwik.tries.default=5000} runs
 * longer (see the README).
 */
class RequestFuzzTest {

    private static ConfigurableApplicationContext server;

    private static Api api;

    private static World.Member creator;

    private static String adminToken;

    @BeforeContainer
    static void start() {
        server = SecondServer.start(TestDatabase.get());
        api = new Api(SecondServer.portOf(server));
        World world = new World(api);
        creator = world.creator();
        adminToken = world.adminToken();
        api.put("/v2/handles/" + creator.handle() + "/skills/fuzzed").token(creator.token()).json(Json.skill()).send();
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A route of the description, with the body its callers send. */
    private record Route(String method, String template, JsonNode body, boolean admin) {
    }

    private static List<Route> routes() {
        ObjectNode login = Json.object().put("email", "someone@example.com").put("password", "some-password-1");
        ObjectNode password = Json.object().put("currentPassword", "x-password-1").put("newPassword", "y-password-12");
        return List.of(new Route("POST", "/v2/auth/login", login, false),
                new Route("PUT", "/v2/account/password", password, false), new Route("GET", "/v2/handles", null, false),
                new Route("GET", "/v2/handles/{handle}/skills", null, false),
                new Route("GET", "/v2/handles/{handle}/skills/{skillKey}", null, false),
                new Route("PUT", "/v2/handles/{handle}/skills/{skillKey}", Json.skill(), false),
                new Route("DELETE", "/v2/handles/{handle}/skills/{skillKey}", null, false),
                new Route("GET", "/v2/handles/{handle}/skills/{skillKey}/runtime", null, false),
                new Route("PUT", "/v2/handles/{handle}/skills/{skillKey}/runtime", Json.runtime(), false),
                new Route("POST", "/v2/handles/{handle}/skills/{skillKey}/publish",
                        Json.object().put("fromVersion", "v1770000000000"), false),
                new Route("GET", "/v2/handles/{handle}/skills/{skillKey}/versions", null, false),
                new Route("GET", "/v2/handles/{handle}/skills/{skillKey}/versions/{version}", null, false),
                new Route("GET", "/v2/handles/{handle}/audit", null, false),
                new Route("PUT", "/v2/handles/{handle}/members/{userId}", Json.object().put("role", "VIEWER"), true),
                new Route("DELETE", "/v2/handles/{handle}/members/{userId}", null, true),
                new Route("POST", "/v2/platform-admin/users",
                        Json.object().put("email", "fuzz@example.com").put("password", "password-123"), true),
                new Route("PUT", "/v2/platform-admin/tenants/{tenantId}",
                        Json.object().put("plan", "growth").set("features", Json.array().add("sso")), true),
                new Route("PUT", "/v2/platform-admin/handles/{handle}", Json.object().put("tenantId", "t-none"), true));
    }

    /** A route and the body sent to it. */
    private record Request(Route route, byte[] body) {

        @Override
        public String toString() {
            return route.method() + " " + route.template() + " "
                    + (body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<Request> request() {
        return Arbitraries.of(routes()).flatMap(route -> bodies(route).map(body -> new Request(route, body)));
    }

    /** Strings a careless parser gets wrong. */
    private static Arbitrary<String> awkwardStrings() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", " ", "\u0000", "a\u0000b", "\ud800", "\u212a", "ｃｒｍ", "crm\u2010lookup", "../x",
                        "%00", "DRAFT", "PUBLISHED", "OWNER", "catalog/node:20", "https://example.com",
                        "x".repeat(70_000), "€".repeat(30), "null", "true", "512"));
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(awkwardStrings().map(value -> (JsonNode) Json.object().put("v", value).get("v")),
                Arbitraries.integers().map(value -> (JsonNode) Json.object().put("v", value).get("v")),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 256L, 86_401L)
                    .map(value -> (JsonNode) Json.object().put("v", value).get("v")),
                Arbitraries.of(0.5, 1e308, -0.0, 512.0).map(value -> (JsonNode) Json.object().put("v", value).get("v")),
                Arbitraries.of(true, false).map(value -> (JsonNode) Json.object().put("v", value).get("v")),
                Arbitraries.just(Json.parse("null")),
                Arbitraries.just(Json.parse("123456789012345678901234567890123456789")));
    }

    private static Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(3).map(items -> {
            ArrayNode array = Json.array();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(awkwardStrings(), values(depth - 1)).as((key, value) -> {
            ObjectNode object = Json.object();
            object.set(key.length() > 100 ? "k" : key, value);
            return object;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(1, objects));
    }

    /** A body: the route's own with one field replaced, any JSON, or no JSON at all. */
    private static Arbitrary<byte[]> bodies(Route route) {
        if (route.body() == null) {
            // A body on a route that takes none is ignored, as HTTP allows.
            return Arbitraries.just(null);
        }
        Arbitrary<byte[]> broken = Combinators.combine(Arbitraries.integers().between(0, 20), values(2))
            .as((index, value) -> {
                JsonNode base = route.body().deepCopy();
                List<String> names = ((ObjectNode) base).propertyNames().stream().toList();
                String field = names.isEmpty() || index >= names.size() ? "extra" : names.get(index);
                ((ObjectNode) base).set(field, value);
                return utf8(base.toString());
            });
        Arbitrary<byte[]> anyJson = values(3).map(value -> utf8(value.toString()));
        Arbitrary<byte[]> notJson = Arbitraries
            .of("{", "{\"a\":1,\"a\":2}", "[1,]", "{} {}", "\u0000", "", "   ", "[".repeat(5_000),
                    "{\"displayName\":\"x\"}garbage")
            .map(RequestFuzzTest::utf8);
        Arbitrary<byte[]> own = Arbitraries.just(utf8(route.body().toString()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, broken), net.jqwik.api.Tuple.of(2, anyJson),
                net.jqwik.api.Tuple.of(1, notJson), net.jqwik.api.Tuple.of(1, own));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                Arbitraries.of("fuzzed", "crm-lookup", "CRM-Lookup", "%00", "%2F", "%2e%2e", "%C0%AF", "%FF",
                        "%E2%80%90", "a%20b", "-crm", "x".repeat(300), "v1770000000000",
                        "00000000-0000-0000-0000-000000000000"),
                Arbitraries.strings().alpha().numeric().ofLength(1).ofMaxLength(70));
    }

    @Provide
    Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json; charset=UTF-8", "text/plain",
                "application/x-www-form-urlencoded", "application/merge-patch+json", "garbage", "application/json;;",
                "application/*", "*/*", "multipart/form-data; boundary=x");
    }

    @Provide
    Arbitrary<Integer> credentials() {
        return Arbitraries.integers().between(0, 6);
    }

    private static String authorization(int kind, Route route) {
        String token = route.admin() ? adminToken : creator.token();
        return switch (kind) {
            case 0, 1, 2 -> "Bearer " + token;
            case 3 -> "Bearer " + token + "=";
            case 4 -> "Bearer patv1_abc.def";
            case 5 -> "Basic dXNlcjpwYXNz";
            default -> null;
        };
    }

    private static String path(Route route, String segment) {
        String handle = route.template().startsWith("/v2/platform-admin") ? segment : creator.handle();
        return route.template()
            .replace("{handle}", handle)
            .replace("{skillKey}", segment)
            .replace("{version}", segment)
            .replace("{userId}", segment)
            .replace("{tenantId}", segment);
    }

    @Property(seed = "20261202")
    void neverA5xxAndAlwaysAsDescribed(@ForAll("request") Request request, @ForAll("segment") String segment,
            @ForAll("contentType") String contentType, @ForAll("credentials") int credentials) {
        Route route = request.route();
        byte[] body = request.body();
        Api.Call call = api.call(route.method(), path(route, segment));
        String authorization = authorization(credentials, route);
        if (authorization != null) {
            call.header("Authorization", authorization);
        }
        if (body != null) {
            call.body(body, contentType);
        }

        boolean write = !route.method().equals("GET");
        String before = write ? stored() : null;

        Reply reply = call.send();

        assertThat(reply.status()).as(reply.toString()).isLessThan(500);
        if (reply.status() >= 400) {
            Errors.assertContractShape(reply);
            if (write) {
                assertThat(stored()).as("what is stored after the refused %s", request).isEqualTo(before);
            }
        }
    }

    /**
     * A digest of everything a write may change (users, tenants, handles and their change
     * counters, memberships, skills, runtimes, versions, audit entries, tokens), so that
     * a refused write can be seen to have changed nothing. Rate-limit buckets and
     * idempotency records are left out: counting a refused request is their job.
     */
    private static String stored() {
        return Rows.column("""
                SELECT md5(concat_ws('|',
                    (SELECT string_agg(id::text || ':' || email || ':' || password_hash || ':' || platform_admin
                        || ':' || tokens_not_before, ',' ORDER BY id) FROM users),
                    (SELECT string_agg(id || ':' || plan || ':' || features, ',' ORDER BY id) FROM tenants),
                    (SELECT string_agg(id || ':' || handle || ':' || change_seq, ',' ORDER BY id) FROM handles),
                    (SELECT string_agg(handle_id || ':' || user_id || ':' || role, ',' ORDER BY handle_id, user_id)
                        FROM memberships),
                    (SELECT count(*) FROM skills), (SELECT count(*) FROM skill_runtimes),
                    (SELECT count(*) FROM skill_versions), (SELECT count(*) FROM audit_entries),
                    (SELECT count(*) FROM personal_access_tokens)))""").get(0).toString();
    }

}
