package com.tenx.skills.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The API description is exactly as strict as the server, operation by operation of the
 * served document (so a new route needs a sample here before the build passes):
 * <ul>
 * <li>a request the document allows (the route's sample, and the other shapes in
 * {@link ServerRules#allowed()}) is accepted;</li>
 * <li>each request the document forbids, derived from the document itself
 * ({@link Violations}) by breaking one constraint of one parameter or body field at a
 * time, is refused with the contract's error body and one of the codes the operation
 * describes;</li>
 * <li>each rule the server is known to enforce ({@link ServerRules#refused()}, written
 * from the validators, not from the document) is forbidden by the document and refused by
 * the server.</li>
 * </ul>
 * So loosening a rule of the server fails the second, and loosening the document fails
 * the third.
 */
class DocumentStrictnessTest extends ApiTest {

    private static final HttpClient STREAMS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OpenApiInteractionValidator validator;

    private Violations violations;

    private World.Member owner;

    private String pat;

    private String version;

    private String cursor;

    private String auditCursor;

    /** What the server must answer to a request the document forbids. */
    private record Refusal(int status, Set<String> codes) {
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAcceptsWhatTheDocumentAllowsAndRefusesWhatItForbids() {
        JsonNode document = Json.parse(ApiContract.served(api.base()));
        violations = new Violations(document);
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
            assertThat(twins).containsAll(ServerRules.refused().stream().map(ServerRules.Rule::operation).toList());
            assertThat(twins).containsAll(ServerRules.allowed().stream().map(ServerRules.Rule::operation).toList());
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
        headers.put("Idempotency-Key", Sample.FRESH_KEY);
        return new Sample(null, null, path, query, headers, body);
    }

    private void check(String id, String template, String method, JsonNode pathItem, JsonNode operation,
            Supplier<Sample> samples) throws Exception {
        Sample sample = prepared(samples.get(), id, template, method, pathItem, operation);
        assertThat(problems(sample)).as("the document allows the sample %s", sample).isEmpty();

        List<Violations.Violation> broken = violations.of(pathItem, operation, sample);
        if (operation.has("requestBody")) {
            assertThat(broken).as("constraints of %s", id).isNotEmpty();
        }
        Set<String> codes = violations.codes(operation);
        for (Violations.Violation violation : broken) {
            assertThat(problems(violation.sample()))
                .as("the document forbids %s: %s", violation.what(), violation.sample())
                .isNotEmpty();
            expectRefused(violation, refusal(twin(id), violation.what(), codes));
        }
        for (ServerRules.Rule rule : ServerRules.refused()) {
            if (rule.operation().equals(twin(id))) {
                Violations.Violation violation = new Violations.Violation(rule.what(), rule.breaking().apply(sample));
                assertThat(problems(violation.sample()))
                    .as("the document forbids what the server refuses, %s: %s", rule.what(), violation.sample())
                    .isNotEmpty();
                expectRefused(violation, null);
            }
        }

        for (ServerRules.Rule variant : ServerRules.allowed()) {
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
        if (!violations.declares(pathItem, operation, "Idempotency-Key")) {
            prepared = prepared.with("header", "Idempotency-Key", null);
        }
        return new Sample(method.toUpperCase(), template, prepared.path(), prepared.query(), prepared.headers(),
                prepared.body());
    }

    /**
     * The server refuses the request: as {@code refusal} says, or (for {@code null}) with
     * a 4xx in the contract's shape.
     */
    private void expectRefused(Violations.Violation violation, Refusal refusal) {
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

    /** What the document says is wrong with the request. */
    private List<String> problems(Sample sample) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(sample.method(), sample.target().split("\\?")[0]);
        sample.query().forEach(request::withQueryParam);
        sample.sentHeaders().forEach(request::withHeader);
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
        sample.sentHeaders().forEach(call::header);
        if (sample.body() != null) {
            call.json(sample.body());
        }
        return call.send();
    }

    /** The status of the stream the sample opens; the stream is closed at once. */
    private int openStream(Sample sample) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + sample.target()))
            .timeout(Duration.ofSeconds(30));
        sample.sentHeaders().forEach(request::header);
        HttpResponse<java.io.InputStream> response = STREAMS.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

}
