package com.tenx.skills.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.tenx.skills.support.ApiContract;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Errors;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import com.tenx.skills.support.World;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API description is exactly as strict as the server, operation by operation of the
 * served document (so a new route needs a sample here before the build passes):
 * <ul>
 * <li>a request the document allows (the route's sample) is accepted;</li>
 * <li>each request the document forbids, derived from the document itself by breaking one
 * constraint of one parameter or body field at a time (type, null, length, pattern, enum,
 * bounds, item counts, a required field or body left out), is refused with the contract's
 * error body and one of the codes the operation describes;</li>
 * <li>each rule the server is known to enforce ({@link #serverRules()}, written from the
 * validators, not from the document) is forbidden by the document and refused by the
 * server.</li>
 * </ul>
 * So loosening a rule of the server fails the second, and loosening the document fails
 * the third.
 */
class DocumentStrictnessTest extends ApiTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Marks the Idempotency-Key of a sample: each request sends a fresh one. */
    private static final String FRESH_KEY = "fresh";

    private static final HttpClient STREAMS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private JsonNode document;

    private OpenApiInteractionValidator validator;

    private World.Member owner;

    private World.User admin;

    private String pat;

    private String version;

    private String cursor;

    private String auditCursor;

    /** A request to one operation: path parameters by name, query, headers, body. */
    private record Sample(String method, String template, Map<String, String> path, Map<String, String> query,
            Map<String, String> headers, JsonNode body) {

        Sample with(String in, String name, String value) {
            Map<String, String> path = new LinkedHashMap<>(this.path);
            Map<String, String> query = new LinkedHashMap<>(this.query);
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            Map<String, String> target = switch (in) {
                case "path" -> path;
                case "query" -> query;
                case "header" -> headers;
                default -> throw new IllegalArgumentException(in);
            };
            if (value == null) {
                target.remove(name);
            }
            else {
                target.put(name, value);
            }
            return new Sample(method, template, path, query, headers, body);
        }

        Sample withBody(JsonNode body) {
            return new Sample(method, template, path, query, headers, body);
        }

        String value(String in, String name) {
            return switch (in) {
                case "path" -> path.get(name);
                case "query" -> query.get(name);
                case "header" -> headers.get(name);
                default -> null;
            };
        }

        /** The path with its parameters filled in, and the query. */
        String target() {
            String target = template;
            for (Map.Entry<String, String> parameter : path.entrySet()) {
                target = target.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
            }
            return target + (query.isEmpty() ? ""
                    : query.entrySet()
                        .stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&", "?", "")));
        }

        @Override
        public String toString() {
            return method + " " + target() + " " + headers.keySet() + " " + body;
        }
    }

    /** What the server must answer to a request the document forbids. */
    private record Refusal(int status, Set<String> codes) {
    }

    /** One forbidden request. */
    private record Violation(String what, Sample sample) {
    }

    /**
     * A rule of the server, as a change that breaks it in a route's sample; or, for
     * {@link #allowedVariants()}, a change the document and the server both allow.
     */
    private record Rule(String operation, String what, UnaryOperator<Sample> breaking) {
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAcceptsWhatTheDocumentAllowsAndRefusesWhatItForbids() {
        document = Json.parse(ApiContract.served(api.base()));
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.toString())
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .build())
            .build();
        setUp();
        Map<String, Supplier<Sample>> samples = samples();
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.has("operationId")) {
                return;
            }
            String id = operation.get("operationId").asString();
            covered.add(id);
            tests.add(DynamicTest.dynamicTest(id, () -> {
                Supplier<Sample> sample = samples.get(twin(id));
                assertThat(sample).as("a sample request for %s in DocumentStrictnessTest.samples()", id).isNotNull();
                check(id, path.getKey(), entry.getKey(), path.getValue(), operation, sample);
            }));
        }));
        tests.add(DynamicTest.dynamicTest("every sample and rule names an operation", () -> {
            Set<String> twins = covered.stream().map(DocumentStrictnessTest::twin).collect(Collectors.toSet());
            assertThat(twins).containsAll(samples.keySet());
            assertThat(twins).containsAll(serverRules().stream().map(Rule::operation).toList());
            assertThat(twins).containsAll(allowedVariants().stream().map(Rule::operation).toList());
        }));
        return tests.stream();
    }

    /**
     * The JWT twin of a PAT family operation ({@code patGetSkill} is {@code getSkill}).
     */
    private static String twin(String operationId) {
        return operationId.startsWith("pat") && Character.isUpperCase(operationId.charAt(3))
                ? Character.toLowerCase(operationId.charAt(3)) + operationId.substring(4) : operationId;
    }

    private void setUp() {
        owner = world.member("OWNER", "growth_tools", "openanalyst");
        admin = null;
        SkillApi skills = new SkillApi(api, owner);
        version = skills.createPublished("crm-lookup");
        pat = new Pats(api).create(owner, "skills.*").token();
        cursor = api.get("/v2/handles/" + owner.handle() + "/skills")
            .token(owner.token())
            .send()
            .json()
            .get("cursor")
            .asString();
        Reply audit = api.get("/v2/handles/" + owner.handle() + "/audit?limit=1").token(owner.token()).send();
        auditCursor = audit.json().get("nextCursor").asString();
    }

    /**
     * A request each operation (by its JWT twin's id) accepts. A sample gives every
     * constrained parameter a value, so that each can be broken.
     */
    private Map<String, Supplier<Sample>> samples() {
        Map<String, Supplier<Sample>> samples = new LinkedHashMap<>();
        samples.put("login", () -> sample(null, Map.of(), Map.of(),
                Json.object().put("email", World.ADMIN_EMAIL).put("password", World.ADMIN_PASSWORD)));
        samples.put("changePassword", () -> {
            World.User user = world.user();
            return sample(user.token(), Map.of(), Map.of(),
                    Json.object()
                        .put("currentPassword", user.password())
                        .put("newPassword", "new-password-" + World.unique("p")));
        });
        samples.put("listMyHandles", () -> sample(owner.token(), Map.of(), Map.of(), null));
        samples.put("listSkills", () -> sample(owner.token(), Map.of("handle", owner.handle()),
                Map.of("since", cursor, "limit", "10", "wait", "1"), null));
        samples.put("skillEvents",
                () -> sample(owner.token(), Map.of("handle", owner.handle()), Map.of("since", cursor), null)
                    .with("header", "Last-Event-ID", cursor));
        samples.put("getSkill", () -> skill(null));
        samples.put("putSkill", () -> skill(Json.skill()).with("query", "dryRun", "true"));
        samples.put("deleteSkill",
                () -> skill(null).with("path", "skillKey", "doomed").with("query", "dryRun", "true"));
        samples.put("getRuntime", () -> skill(null));
        samples.put("putRuntime", () -> skill(Json.runtime()).with("query", "dryRun", "true"));
        samples.put("publishSkill",
                () -> skill(Json.object().put("fromVersion", version)).with("query", "dryRun", "true"));
        samples.put("listVersions", () -> skill(null));
        samples.put("getVersion", () -> skill(null).with("path", "version", version));
        samples.put("createToken", () -> sample(owner.token(), Map.of("handle", owner.handle()), Map.of(),
                Pats.request(World.unique("token"), "skills.read", "skills.write").put("expiresInDays", 30)));
        samples.put("listTokens", () -> sample(owner.token(), Map.of("handle", owner.handle()), Map.of(), null));
        samples.put("revokeToken", () -> sample(owner.token(),
                Map.of("handle", owner.handle(), "tokenId", new Pats(api).create(owner, "skills.read").tokenId()),
                Map.of(), null));
        samples.put("openAnalystSession", () -> sample(owner.token(), Map.of(), Map.of(), null));
        samples.put("listAudit", () -> sample(owner.token(), Map.of("handle", owner.handle()),
                Map.of("limit", "5", "before", auditCursor), null));
        samples.put("putMember",
                () -> sample(owner.token(), Map.of("handle", owner.handle(), "userId", world.user().id()), Map.of(),
                        Json.object().put("role", "VIEWER")));
        samples.put("deleteMember", () -> {
            World.User user = world.user();
            world.grant(owner.handle(), user.id(), "VIEWER");
            return sample(owner.token(), Map.of("handle", owner.handle(), "userId", user.id()), Map.of(), null);
        });
        samples.put("createUser",
                () -> sample(world.adminToken(), Map.of(), Map.of(),
                        Json.object()
                            .put("email", World.unique("user") + "@example.com")
                            .put("password", "password-" + World.unique("p"))
                            .put("platformAdmin", false)));
        samples.put("putTenant", () -> sample(world.adminToken(), Map.of("tenantId", World.unique("t")), Map.of(),
                Json.object().put("plan", "growth").set("features", Json.array().add("growth_tools"))));
        samples.put("putHandle", () -> sample(world.adminToken(), Map.of("handle", World.unique("h")), Map.of(),
                Json.object().put("tenantId", owner.tenantId())));
        return samples;
    }

    private Sample skill(JsonNode body) {
        return sample(owner.token(), Map.of("handle", owner.handle(), "skillKey", "crm-lookup"), Map.of(), body);
    }

    /** A sample without its method and path, which the operation gives. */
    private static Sample sample(String token, Map<String, String> path, Map<String, String> query, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        headers.put("Idempotency-Key", FRESH_KEY);
        return new Sample(null, null, path, query, headers, body);
    }

    /**
     * The rules of the server, read from its validators: each breaks one rule in a
     * route's sample.
     */
    private static List<Rule> serverRules() {
        String long201 = "x".repeat(201);
        return List.of(rule("login", "email not a string", body("/email", NODES.numberNode(5))),
                rule("login", "no password", remove("/password")),
                rule("changePassword", "a new password of 11 bytes", body("/newPassword", NODES.stringNode("x"))),
                rule("changePassword", "a new password of 73 bytes",
                        body("/newPassword", NODES.stringNode("x".repeat(73)))),
                rule("listSkills", "a skill list handle breaking the key rule", path("handle", "-x")),
                rule("listSkills", "limit 0", query("limit", "0")),
                rule("listSkills", "limit 501", query("limit", "501")),
                rule("listSkills", "limit not a number", query("limit", "ten")),
                rule("listSkills", "wait 0", query("wait", "0")), rule("listSkills", "wait 61", query("wait", "61")),
                rule("listSkills", "a cursor not base64url", query("since", "c1.1.1")),
                rule("listSkills", "a cursor over 200 characters", query("since", "A".repeat(201))),
                rule("skillEvents", "a Last-Event-ID not base64url", header("Last-Event-ID", "c1.1.1")),
                rule("getSkill", "a skill key with a double hyphen", path("skillKey", "crm--x")),
                rule("getSkill", "a skill key of one character", path("skillKey", "c")),
                rule("getSkill", "a skill key of 65 characters", path("skillKey", "c".repeat(65))),
                rule("getSkill", "a skill key with an underscore", path("skillKey", "crm_lookup")),
                rule("putSkill", "no body", sample -> sample.withBody(null)),
                rule("putSkill", "no displayName", remove("/displayName")),
                rule("putSkill", "a blank displayName", body("/displayName", NODES.stringNode("   "))),
                rule("putSkill", "a displayName of 201 characters", body("/displayName", NODES.stringNode(long201))),
                rule("putSkill", "a title alone of 201 characters",
                        sample -> withField(withField(sample, "/displayName", null), "/title",
                                NODES.stringNode(long201))),
                rule("putSkill", "a blank title alone",
                        sample -> withField(withField(sample, "/displayName", null), "/title", NODES.stringNode(" "))),
                rule("putSkill", "a title that is not a string beside displayName",
                        body("/title", NODES.numberNode(5))),
                rule("putSkill", "a description of 2001 characters",
                        body("/description", NODES.stringNode("x".repeat(2001)))),
                rule("putSkill", "a systemPrompt of 100001 characters",
                        body("/systemPrompt", NODES.stringNode("x".repeat(100_001)))),
                rule("putSkill", "status PUBLISHED", body("/status", NODES.stringNode("PUBLISHED"))),
                rule("putSkill", "65 tools", sample -> {
                    ArrayNode tools = Json.array();
                    for (int i = 0; i < 65; i++) {
                        tools.add(Json.tool("http", "t" + i, "https://example.com/" + i));
                    }
                    return withField(sample, "/tools", tools);
                }), rule("putSkill", "a tool type ftp", body("/tools/0/type", NODES.stringNode("ftp"))),
                rule("putSkill", "a tool name starting with a digit", body("/tools/0/name", NODES.stringNode("1x"))),
                rule("putSkill", "a tool name of 65 characters",
                        body("/tools/0/name", NODES.stringNode("t".repeat(65)))),
                rule("putSkill", "a tool without config", remove("/tools/0/config")),
                rule("putSkill", "a tool URL that is not https",
                        body("/tools/0/config/url", NODES.stringNode("ftp://example.com"))),
                rule("putSkill", "a tool URL of 2049 characters",
                        body("/tools/0/config/url", NODES.stringNode("https://e.com/" + "x".repeat(2035)))),
                rule("putSkill", "an Idempotency-Key of 256 characters", header("Idempotency-Key", "k".repeat(256))),
                rule("putSkill", "an Idempotency-Key with a tab", header("Idempotency-Key", "k\tk")),
                rule("putSkill", "dryRun not a boolean", query("dryRun", "maybe")),
                rule("putRuntime", "an image from Docker Hub", body("/imageRef", NODES.stringNode("node:20"))),
                rule("putRuntime", "an image with upper case", body("/imageRef", NODES.stringNode("catalog/Node"))),
                rule("putRuntime", "an image of 513 characters",
                        body("/imageRef", NODES.stringNode("catalog/" + "n".repeat(505)))),
                rule("putRuntime", "no imageRef", remove("/imageRef")), rule("putRuntime", "no cpu", remove("/cpu")),
                rule("putRuntime", "cpu 255", body("/cpu", NODES.numberNode(255))),
                rule("putRuntime", "cpu 16385", body("/cpu", NODES.numberNode(16_385))),
                rule("putRuntime", "cpu as a string", body("/cpu", NODES.stringNode("512"))),
                rule("putRuntime", "cpu as a fraction", body("/cpu", NODES.numberNode(512.5))),
                rule("putRuntime", "memory 511", body("/memory", NODES.numberNode(511))),
                rule("putRuntime", "memory 122881", body("/memory", NODES.numberNode(122_881))),
                rule("putRuntime", "idleTimeoutSec 59", body("/idleTimeoutSec", NODES.numberNode(59))),
                rule("putRuntime", "maxSessionSec 86401", body("/maxSessionSec", NODES.numberNode(86_401))),
                rule("putRuntime", "65 commands", body("/command", repeated("x", 65))),
                rule("putRuntime", "an argument of 4097 characters", body("/args", Json.array().add("x".repeat(4097)))),
                rule("putRuntime", "secretsRefs not an array", body("/secretsRefs", NODES.stringNode("s"))),
                rule("putRuntime", "networkPolicy not an object", body("/networkPolicy", Json.array())),
                rule("publishSkill", "a fromVersion without its v", body("/fromVersion", NODES.stringNode("1770"))),
                rule("publishSkill", "a body that is not an object", sample -> sample.withBody(Json.array())),
                rule("getVersion", "a version without its v", path("version", "1770")),
                rule("createToken", "a name of 101 characters", body("/name", NODES.stringNode("n".repeat(101)))),
                rule("createToken", "a blank name", body("/name", NODES.stringNode("  "))),
                rule("createToken", "a name with a control character", body("/name", NODES.stringNode("a\u0007b"))),
                rule("createToken", "no scopes", body("/scopes", Json.array())),
                rule("createToken", "an unknown scope", body("/scopes", Json.array().add("skills.admin"))),
                rule("createToken", "17 scopes", body("/scopes", repeated("skills.read", 17))),
                rule("createToken", "expiresInDays 0", body("/expiresInDays", NODES.numberNode(0))),
                rule("createToken", "expiresInDays 367", body("/expiresInDays", NODES.numberNode(367))),
                rule("createToken", "expiresInDays as a fraction", body("/expiresInDays", NODES.numberNode(1.5))),
                rule("listAudit", "limit 0", query("limit", "0")),
                rule("listAudit", "limit 501", query("limit", "501")),
                rule("listAudit", "a before cursor not base64url", query("before", "a1.5")),
                rule("putMember", "an unknown role", body("/role", NODES.stringNode("owner"))),
                rule("putMember", "a user id that is not a UUID", path("userId", "not-a-uuid")),
                rule("createUser", "an email without @", body("/email", NODES.stringNode("someone.example.com"))),
                rule("createUser", "an email with a space inside", body("/email", NODES.stringNode("a b@example.com"))),
                rule("createUser", "a password of 2 characters", body("/password", NODES.stringNode("xx"))),
                rule("createUser", "platformAdmin as a string", body("/platformAdmin", NODES.stringNode("true"))),
                rule("putTenant", "a tenant id breaking the key rule", path("tenantId", "t--x")),
                rule("putTenant", "a plan with a space", body("/plan", NODES.stringNode("pro plan"))),
                rule("putTenant", "a plan of 65 characters", body("/plan", NODES.stringNode("p".repeat(65)))),
                rule("putTenant", "a feature with upper case", body("/features", Json.array().add("Growth"))),
                rule("putTenant", "65 features", body("/features", repeated("f", 65))),
                rule("putHandle", "a handle of one character", path("handle", "h")),
                rule("putHandle", "a tenant id breaking the key rule", body("/tenantId", NODES.stringNode("t x"))),
                rule("putHandle", "no tenantId", remove("/tenantId")));
    }

    /**
     * Other requests the document allows, each a change of a fresh sample: what the
     * server takes besides the sample's shape (aliases, defaults, nulls, case, ignored
     * fields).
     */
    private static List<Rule> allowedVariants() {
        String digest = "@sha256:" + "0123456789abcdef".repeat(4);
        return List.of(rule("login", "an unknown field", body("/remember", NODES.booleanNode(true))), rule("listSkills",
                "no query",
                sample -> sample.with("query", "since", null).with("query", "limit", null).with("query", "wait", null)),
                rule("listSkills", "limit alone",
                        sample -> sample.with("query", "since", null).with("query", "wait", null)),
                rule("getSkill", "a skill key in upper case", path("skillKey", "CRM-Lookup")),
                rule("putSkill", "title instead of displayName",
                        sample -> withField(withField(sample, "/displayName", null), "/title",
                                NODES.stringNode("CRM"))),
                rule("putSkill", "displayName null beside title",
                        sample -> withField(withField(sample, "/displayName", NODES.nullNode()), "/title",
                                NODES.stringNode("CRM"))),
                rule("putSkill", "title of any length beside displayName", body("/title", NODES.stringNode(""))),
                rule("putSkill", "displayName alone", sample -> sample.withBody(Json.object().put("displayName", "x"))),
                rule("putSkill", "read-only fields echoed and unknown ones",
                        sample -> sample.withBody(((ObjectNode) sample.body().deepCopy()).put("skillKey", "other")
                            .put("runtimeStatus", "ready")
                            .put("updatedAt", "2026-01-01T00:00:00.000Z")
                            .put("publishedVersion", "v1")
                            .put("extra", 5))),
                rule("putSkill", "nulls for the optional fields",
                        sample -> sample.withBody(((ObjectNode) sample.body().deepCopy()).putNull("description")
                            .putNull("systemPrompt")
                            .putNull("tools")
                            .putNull("status"))),
                rule("putSkill", "status DISABLED", body("/status", NODES.stringNode("DISABLED"))),
                rule("putSkill", "an mcp tool", body("/tools/0/type", NODES.stringNode("mcp"))),
                rule("putRuntime", "only the required fields",
                        sample -> sample.withBody(Json.object()
                            .put("imageRef", "catalog/tools/node-runner:20.1")
                            .put("cpu", 256)
                            .put("memory", 512)
                            .put("idleTimeoutSec", 60)
                            .put("maxSessionSec", 60))),
                rule("putRuntime", "a private ECR image with a digest",
                        body("/imageRef",
                                NODES.stringNode("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app" + digest))),
                rule("putRuntime", "the largest values",
                        sample -> sample.withBody(((ObjectNode) sample.body().deepCopy()).put("cpu", 16_384)
                            .put("memory", 122_880)
                            .put("idleTimeoutSec", 86_400)
                            .put("maxSessionSec", 86_400))),
                rule("publishSkill", "no body", sample -> sample.withBody(null)),
                rule("publishSkill", "fromVersion null", body("/fromVersion", NODES.nullNode())),
                rule("createToken", "no expiresInDays and every scope",
                        sample -> withField(withField(sample, "/expiresInDays", null), "/scopes",
                                Json.array().add("skills.*"))),
                rule("createToken", "a name with white space around it",
                        body("/name", NODES.stringNode("  " + World.unique("spaced") + "  "))),
                rule("putMember", "a user id in upper case",
                        sample -> sample.with("path", "userId", sample.path().get("userId").toUpperCase())),
                rule("createUser", "an email in mixed case and no platformAdmin",
                        sample -> withField(withField(sample, "/platformAdmin", null), "/email",
                                NODES.stringNode(World.unique("Mixed") + "@Example.COM"))),
                rule("putTenant", "no features", remove("/features")),
                rule("putHandle", "a tenant id in upper case", sample -> withField(sample, "/tenantId",
                        NODES.stringNode(sample.body().get("tenantId").asString().toUpperCase()))));
    }

    private static Rule rule(String operation, String what, UnaryOperator<Sample> breaking) {
        return new Rule(operation, what, breaking);
    }

    private static UnaryOperator<Sample> path(String name, String value) {
        return sample -> sample.with("path", name, value);
    }

    private static UnaryOperator<Sample> query(String name, String value) {
        return sample -> sample.with("query", name, value);
    }

    private static UnaryOperator<Sample> header(String name, String value) {
        return sample -> sample.with("header", name, value);
    }

    private static UnaryOperator<Sample> body(String pointer, JsonNode value) {
        return sample -> withField(sample, pointer, value);
    }

    private static UnaryOperator<Sample> remove(String pointer) {
        return sample -> withField(sample, pointer, null);
    }

    private static ArrayNode repeated(String item, int times) {
        ArrayNode array = Json.array();
        for (int i = 0; i < times; i++) {
            array.add(item);
        }
        return array;
    }

    /** The sample with the body field at {@code pointer} set, or removed for null. */
    private static Sample withField(Sample sample, String pointer, JsonNode value) {
        JsonNode body = sample.body().deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? body : body.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(name));
            }
            else {
                array.set(Integer.parseInt(name), value);
            }
        }
        else if (value == null) {
            ((ObjectNode) parent).remove(name);
        }
        else {
            ((ObjectNode) parent).set(name, value);
        }
        return sample.withBody(body);
    }

    private void check(String id, String template, String method, JsonNode pathItem, JsonNode operation,
            Supplier<Sample> samples) throws Exception {
        Sample sample = prepared(samples.get(), id, template, method, pathItem, operation);
        assertThat(problems(sample)).as("the document allows the sample %s", sample).isEmpty();

        List<Violation> violations = violations(pathItem, operation, sample);
        if (operation.has("requestBody")) {
            assertThat(violations).as("constraints of %s", id).isNotEmpty();
        }
        Set<String> codes = codes(operation);
        for (Violation violation : violations) {
            assertThat(problems(violation.sample()))
                .as("the document forbids %s: %s", violation.what(), violation.sample())
                .isNotEmpty();
            expectRefused(violation, refusal(twin(id), violation.what(), codes));
        }
        for (Rule rule : serverRules()) {
            if (rule.operation().equals(twin(id))) {
                Violation violation = new Violation(rule.what(), rule.breaking().apply(sample));
                assertThat(problems(violation.sample()))
                    .as("the document forbids what the server refuses, %s: %s", rule.what(), violation.sample())
                    .isNotEmpty();
                expectRefused(violation, null);
            }
        }

        for (Rule variant : allowedVariants()) {
            if (variant.operation().equals(twin(id))) {
                Sample allowed = variant.breaking()
                    .apply(prepared(samples.get(), id, template, method, pathItem, operation));
                assertThat(problems(allowed)).as("the document allows %s: %s", variant.what(), allowed).isEmpty();
                Reply reply = send(allowed);
                assertThat(reply.status() / 100 == 2)
                    .as("the server takes %s: %s -> %s", variant.what(), allowed, reply)
                    .isTrue();
            }
        }

        // Last, since some samples change what later requests may do (a new password
        // ends the session).
        if (operation.path("responses").path("200").path("content").has("text/event-stream")) {
            assertThat(openStream(sample)).as("the stream %s", sample).isEqualTo(200);
        }
        else {
            Reply reply = send(sample);
            assertThat(reply.status() / 100 == 2).as("the sample is accepted: %s -> %s", sample, reply).isTrue();
        }
    }

    /** The sample as sent to the operation: its method, path and token. */
    private Sample prepared(Sample sample, String id, String template, String method, JsonNode pathItem,
            JsonNode operation) {
        Sample prepared = sample;
        if (!twin(id).equals(id)) {
            prepared = prepared.with("header", "Authorization", "Bearer " + pat);
        }
        if (!declares(pathItem, operation, "Idempotency-Key")) {
            prepared = prepared.with("header", "Idempotency-Key", null);
        }
        return new Sample(method.toUpperCase(), template, prepared.path(), prepared.query(), prepared.headers(),
                prepared.body());
    }

    private boolean declares(JsonNode pathItem, JsonNode operation, String name) {
        return Stream.concat(pathItem.path("parameters").valueStream(), operation.path("parameters").valueStream())
            .anyMatch(parameter -> resolve(parameter).path("name").asString("").equals(name));
    }

    /**
     * The server refuses the request: as {@code refusal} says, or (for {@code null}) with
     * a 4xx in the contract's shape.
     */
    private void expectRefused(Violation violation, Refusal refusal) {
        Reply reply = send(violation.sample());
        String what = violation.what() + ": " + violation.sample() + " -> " + reply;
        if (refusal == null) {
            assertThat(reply.status()).as(what).isBetween(400, 499);
            Errors.assertContractShape(reply);
            return;
        }
        assertThat(reply.status()).as(what).isEqualTo(refusal.status());
        Errors.assertContractShape(reply);
        assertThat(reply.error()).as(what).isIn(refusal.codes());
    }

    /**
     * What the server answers to a forbidden request: 400 with a code the operation
     * describes, except where a path parameter or field that breaks its rule names
     * something that cannot exist, which is answered as for any such thing (CONTRACT.md).
     */
    private static Refusal refusal(String operation, String what, Set<String> codes) {
        if (what.startsWith("path handle ") && !operation.equals("putHandle")) {
            return new Refusal(403, Set.of("insufficient_role"));
        }
        if (what.startsWith("path version ")) {
            return new Refusal(404, Set.of("version_not_found"));
        }
        if (what.startsWith("path userId ")) {
            return new Refusal(404, Set.of("not_found"));
        }
        if (what.matches("body /tenantId (over|under|breaking) .*") && operation.equals("putHandle")) {
            return new Refusal(404, Set.of("not_found"));
        }
        return new Refusal(400, codes);
    }

    /** The error codes the operation's 400 answer describes. */
    private Set<String> codes(JsonNode operation) {
        JsonNode schema = resolve(resolve(operation.path("responses").path("400")).path("content")
            .path("application/json")
            .path("schema"));
        Set<String> codes = null;
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        schema.path("allOf").forEach(parts::add);
        for (JsonNode part : parts) {
            JsonNode values = resolve(resolve(part).path("properties").path("error")).path("enum");
            if (values.isArray()) {
                Set<String> these = values.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
                if (codes == null) {
                    codes = these;
                }
                else {
                    codes.retainAll(these);
                }
            }
        }
        assertThat(codes).as("the error codes of the 400 answer").isNotEmpty();
        return codes;
    }

    /** Every way of breaking one constraint of the operation the document states. */
    private List<Violation> violations(JsonNode pathItem, JsonNode operation, Sample sample) {
        List<Violation> violations = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode reference : parameters) {
            JsonNode parameter = resolve(reference);
            String in = parameter.get("in").asString();
            String name = parameter.get("name").asString();
            JsonNode schema = effective(parameter.path("schema"));
            if (!constrained(schema)) {
                continue;
            }
            String value = sample.value(in, name);
            assertThat(value).as("the sample gives %s %s a value", in, name).isNotNull();
            if (FRESH_KEY.equals(value)) {
                value = World.unique("key");
            }
            for (Map.Entry<String, JsonNode> broken : broken(schema, NODES.stringNode(value), true).entrySet()) {
                if (in.equals("path") && broken.getValue().asString().isEmpty()) {
                    continue; // an empty segment is another route
                }
                violations.add(new Violation(in + " " + name + " " + broken.getKey(),
                        sample.with(in, name, broken.getValue().asString())));
            }
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            JsonNode requestBody = resolve(body);
            if (requestBody.path("required").asBoolean(false)) {
                violations.add(new Violation("body missing", sample.withBody(null)));
            }
            JsonNode schema = requestBody.path("content").path("application/json").path("schema");
            bodyViolations(schema, sample.body(), "", sample, violations);
        }
        return violations;
    }

    /** Breaks {@code value} (at {@code pointer} of the body) and each of its fields. */
    private void bodyViolations(JsonNode schema, JsonNode value, String pointer, Sample sample,
            List<Violation> violations) {
        JsonNode effective = effective(schema);
        String at = pointer.isEmpty() ? "/" : pointer;
        for (Map.Entry<String, JsonNode> broken : broken(effective, value, false).entrySet()) {
            violations.add(new Violation("body " + at + " " + broken.getKey(), pointer.isEmpty()
                    ? sample.withBody(broken.getValue()) : withField(sample, pointer, broken.getValue())));
        }
        if (value.isObject()) {
            Set<String> required = new HashSet<>();
            effective.path("required").forEach(name -> required.add(name.asString()));
            effective.path("anyOf").forEach(branch -> resolve(branch).path("required").forEach(name -> {
                if (value.has(name.asString())) {
                    required.add(name.asString());
                }
            }));
            for (String name : required) {
                violations.add(new Violation("body " + pointer + "/" + name + " missing",
                        withField(sample, pointer + "/" + name, null)));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode property = propertySchema(effective, field.getKey());
                if (property != null) {
                    bodyViolations(property, field.getValue(), pointer + "/" + field.getKey(), sample, violations);
                }
            }
        }
        else if (value.isArray() && !value.isEmpty() && effective.has("items")) {
            bodyViolations(effective.get("items"), value.get(0), pointer + "/0", sample, violations);
        }
    }

    /**
     * A field's schema: the object's own, with the constraints any {@code anyOf} branch
     * adds (nullable only when every part says so).
     */
    private JsonNode propertySchema(JsonNode object, String name) {
        List<JsonNode> parts = new ArrayList<>();
        if (object.path("properties").has(name)) {
            parts.add(effective(object.path("properties").get(name)));
        }
        object.path("anyOf").forEach(branch -> {
            JsonNode property = resolve(branch).path("properties").path(name);
            if (!property.isMissingNode()) {
                parts.add(effective(property));
            }
        });
        if (parts.isEmpty()) {
            return null;
        }
        ObjectNode merged = Json.object();
        parts.forEach(part -> merged.setAll((ObjectNode) part.deepCopy()));
        merged.put("nullable", parts.stream().allMatch(part -> part.path("nullable").asBoolean(false)));
        return merged;
    }

    /**
     * The ways to break {@code value} against its schema's own constraints, by what each
     * breaks.
     */
    private static Map<String, JsonNode> broken(JsonNode schema, JsonNode value, boolean parameter) {
        Map<String, JsonNode> broken = new LinkedHashMap<>();
        String type = schema.path("type").asString("");
        if (!parameter) {
            switch (type) {
                case "string" -> broken.put("as a number", NODES.numberNode(5));
                case "integer" -> {
                    broken.put("as a string", NODES.stringNode(value.asString()));
                    broken.put("as a fraction", NODES.numberNode(value.asInt() + 0.5));
                }
                case "boolean" -> broken.put("as a string", NODES.stringNode(value.asString()));
                case "array" -> broken.put("as an object", Json.object());
                case "object" -> broken.put("as an array", Json.array());
                default -> {
                }
            }
            if (!schema.path("nullable").asBoolean(false)) {
                broken.put("null", NODES.nullNode());
            }
        }
        else if (type.equals("integer")) {
            broken.put("not an integer", NODES.stringNode("ten"));
        }
        else if (type.equals("boolean")) {
            broken.put("not a boolean", NODES.stringNode("maybe"));
        }
        if (type.equals("string")) {
            String text = value.asString();
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                broken.put("over " + max + " characters", NODES.stringNode(longer(text, max + 1, schema)));
            }
            if (schema.path("minLength").asInt(0) > 0) {
                int min = schema.get("minLength").asInt();
                broken.put("under " + min + " characters", NODES.stringNode(text.substring(0, min - 1)));
            }
            if (schema.has("pattern")) {
                broken.put("breaking " + schema.get("pattern").asString(), NODES.stringNode(mismatch(text, schema)));
            }
            if (schema.has("enum")) {
                broken.put("outside its enum", NODES.stringNode("no-" + text));
            }
        }
        if (type.equals("integer") || type.equals("number")) {
            if (schema.has("minimum")) {
                long below = schema.get("minimum").asLong() - 1;
                broken.put("below its minimum",
                        parameter ? NODES.stringNode(Long.toString(below)) : NODES.numberNode(below));
            }
            if (schema.has("maximum")) {
                long above = schema.get("maximum").asLong() + 1;
                broken.put("above its maximum",
                        parameter ? NODES.stringNode(Long.toString(above)) : NODES.numberNode(above));
            }
        }
        if (type.equals("array") && value.isArray()) {
            if (schema.has("maxItems") && !value.isEmpty()) {
                ArrayNode more = Json.array();
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    more.add(value.get(0).deepCopy());
                }
                broken.put("with too many items", more);
            }
            if (schema.path("minItems").asInt(0) > 0) {
                ArrayNode fewer = Json.array();
                for (int i = 0; i < schema.get("minItems").asInt() - 1; i++) {
                    fewer.add(value.get(i).deepCopy());
                }
                broken.put("with too few items", fewer);
            }
        }
        return broken;
    }

    /** A string of {@code length} that keeps the pattern where it can. */
    private static String longer(String text, int length, JsonNode schema) {
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asString()) : null;
        String last = text.isEmpty() ? "a" : text.substring(text.length() - 1);
        for (String candidate : List.of(text + last.repeat(Math.max(0, length - text.length())), "a".repeat(length),
                "A".repeat(length), "1".repeat(length))) {
            String cut = candidate.substring(0, length);
            if (pattern == null || pattern.matcher(cut).find()) {
                return cut;
            }
        }
        return "a".repeat(length);
    }

    /** The value changed so that it breaks its pattern, within its length limits. */
    private static String mismatch(String text, JsonNode schema) {
        Pattern pattern = Pattern.compile(schema.get("pattern").asString());
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        for (String candidate : List.of(text + "!", "!" + text, text + " x", text + "@", text + "\tx", "   ")) {
            if (!pattern.matcher(candidate).find() && candidate.length() <= max && candidate.length() >= min) {
                return candidate;
            }
        }
        return fail("no value breaks " + pattern + " near " + text);
    }

    private static boolean constrained(JsonNode schema) {
        return Stream.of("pattern", "minLength", "maxLength", "minimum", "maximum", "enum").anyMatch(schema::has)
                || Set.of("integer", "boolean", "number").contains(schema.path("type").asString(""));
    }

    /** The schema with its references and {@code allOf} parts merged in. */
    private JsonNode effective(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (!resolved.has("allOf")) {
            return resolved;
        }
        ObjectNode merged = Json.object();
        resolved.get("allOf").forEach(part -> merged.setAll((ObjectNode) effective(part).deepCopy()));
        resolved.properties().forEach(field -> {
            if (!field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    /** What the document says is wrong with the request. */
    private List<String> problems(Sample sample) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(sample.method(), sample.target().split("\\?")[0]);
        sample.query().forEach(request::withQueryParam);
        headers(sample).forEach(request::withHeader);
        if (sample.body() != null) {
            request.withHeader("Content-Type", "application/json").withBody(sample.body().toString());
        }
        return validator.validateRequest(request.build())
            .getMessages()
            .stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .map(message -> message.getKey() + " " + message.getMessage())
            .toList();
    }

    private Reply send(Sample sample) {
        var call = api.call(sample.method(), sample.target());
        headers(sample).forEach(call::header);
        if (sample.body() != null) {
            call.json(sample.body());
        }
        return call.send();
    }

    /** The status of the stream the sample opens; the stream is closed at once. */
    private int openStream(Sample sample) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + sample.target()))
            .timeout(Duration.ofSeconds(30));
        headers(sample).forEach(request::header);
        HttpResponse<java.io.InputStream> response = STREAMS.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** The sample's headers, with a fresh Idempotency-Key where it asks for one. */
    private static Map<String, String> headers(Sample sample) {
        Map<String, String> headers = new LinkedHashMap<>(sample.headers());
        headers.computeIfPresent("Idempotency-Key",
                (name, value) -> FRESH_KEY.equals(value) ? World.unique("key") : value);
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
