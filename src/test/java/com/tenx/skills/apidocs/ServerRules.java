package com.tenx.skills.apidocs;

import com.tenx.skills.support.Json;
import com.tenx.skills.support.World;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the server takes and refuses, written from its body records and services rather
 * than from the API description, as changes of a route's sample
 * ({@link DocumentStrictnessTest}).
 */
final class ServerRules {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ServerRules() {
    }

    /**
     * A rule of the server, as a change that breaks it in a route's sample; or, for
     * {@link #allowed()}, a change the document and the server both allow.
     */
    record Rule(String operation, String what, UnaryOperator<Sample> breaking) {
    }

    /**
     * The rules of the server, read from its body records and services: each breaks one
     * rule in a route's sample.
     */
    static List<Rule> refused() {
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
                        sample -> sample.withField("/displayName", null)
                            .withField("/title", NODES.stringNode(long201))),
                rule("putSkill", "a blank title alone",
                        sample -> sample.withField("/displayName", null).withField("/title", NODES.stringNode(" "))),
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
                    return sample.withField("/tools", tools);
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
    static List<Rule> allowed() {
        String digest = "@sha256:" + "0123456789abcdef".repeat(4);
        return List.of(rule("login", "an unknown field", body("/remember", NODES.booleanNode(true))), rule("listSkills",
                "no query",
                sample -> sample.with("query", "since", null).with("query", "limit", null).with("query", "wait", null)),
                rule("listSkills", "limit alone",
                        sample -> sample.with("query", "since", null).with("query", "wait", null)),
                rule("getSkill", "a skill key in upper case", path("skillKey", "CRM-Lookup")),
                rule("putSkill", "title instead of displayName",
                        sample -> sample.withField("/displayName", null).withField("/title", NODES.stringNode("CRM"))),
                rule("putSkill", "displayName null beside title",
                        sample -> sample.withField("/displayName", NODES.nullNode())
                            .withField("/title", NODES.stringNode("CRM"))),
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
                        sample -> sample.withField("/expiresInDays", null)
                            .withField("/scopes", Json.array().add("skills.*"))),
                rule("createToken", "a name with white space around it",
                        body("/name", NODES.stringNode("  " + World.unique("spaced") + "  "))),
                rule("putMember", "a user id in upper case",
                        sample -> sample.with("path", "userId", sample.path().get("userId").toUpperCase())),
                rule("createUser", "an email in mixed case and no platformAdmin",
                        sample -> sample.withField("/platformAdmin", null)
                            .withField("/email", NODES.stringNode(World.unique("Mixed") + "@Example.COM"))),
                rule("putTenant", "no features", remove("/features")),
                rule("putHandle", "a tenant id in upper case", sample -> sample.withField("/tenantId",
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
        return sample -> sample.withField(pointer, value);
    }

    private static UnaryOperator<Sample> remove(String pointer) {
        return sample -> sample.withField(pointer, null);
    }

    private static ArrayNode repeated(String item, int times) {
        ArrayNode array = Json.array();
        for (int i = 0; i < times; i++) {
            array.add(item);
        }
        return array;
    }

}
