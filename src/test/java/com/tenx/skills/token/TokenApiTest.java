package com.tenx.skills.token;

import static com.tenx.skills.support.Errors.assertDetail;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.World;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Creating, listing and revoking personal access tokens with a control-plane token, as
 * seed 002 shows it.
 */
class TokenApiTest extends ApiTest {

    private Pats pats;

    private World.Member creator;

    @BeforeEach
    void creator() {
        pats = new Pats(api);
        creator = world.creator();
    }

    @Test
    void creationAnswersTheTokenOnceWithItsDescription() {
        Instant before = Instant.now().minusSeconds(1);
        Reply reply = pats.createReply(creator, Pats.request("ci-deploy", "skills.read", "skills.publish"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.get("ok").asBoolean()).isTrue();
        String token = body.get("token").asString();
        JsonNode info = body.get("tokenInfo");
        assertThat(token).matches("patv1_[0-9A-Za-z]{16}\\.[0-9A-Za-z]{38}")
            .startsWith("patv1_" + info.get("tokenId").asString() + ".");
        assertThat(ScannerChecksum.looksReal(token)).isTrue();
        assertThat(info.get("name").asString()).isEqualTo("ci-deploy");
        assertThat(info.get("scopes")).isEqualTo(Json.array().add("skills.read").add("skills.publish"));
        assertThat(info.get("lastUsedAt").isNull()).isTrue();
        assertThat(info.get("createdBy").asString()).isEqualTo(creator.user().id());
        Instant created = Instant.parse(info.get("createdAt").asString());
        assertThat(created).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(Instant.parse(info.get("expiresAt").asString())).isEqualTo(created.plus(Duration.ofDays(90)));
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() throws Exception {
        Pats.Pat pat = pats.create(creator, "skills.*");

        String hash = HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(pat.token().getBytes(StandardCharsets.US_ASCII)));
        assertThat(Rows.column("SELECT token_hash FROM personal_access_tokens WHERE id = ?", pat.tokenId()))
            .containsExactly(hash);
        String secret = pat.token().substring(pat.token().indexOf('.') + 1);
        assertThat(Rows.count(
                "SELECT count(*) FROM personal_access_tokens WHERE id || name || scopes || token_hash " + "LIKE ?",
                "%" + secret.substring(0, 20) + "%"))
            .isZero();
    }

    @Test
    void expiresInDaysIsHonouredWithinOneTo366() {
        Reply year = pats.createReply(creator, Pats.request("year", "skills.read").put("expiresInDays", 366));
        Reply day = pats.createReply(creator, Pats.request("day", "skills.read").put("expiresInDays", 1));

        assertThat(year.status()).isEqualTo(201);
        JsonNode info = year.json().get("tokenInfo");
        assertThat(Duration.between(Instant.parse(info.get("createdAt").asString()),
                Instant.parse(info.get("expiresAt").asString())))
            .isEqualTo(Duration.ofDays(366));
        assertThat(day.status()).isEqualTo(201);
        for (Object days : List.of(0, 367, -1)) {
            Reply reply = pats.createReply(creator,
                    Pats.request("bad", "skills.read").put("expiresInDays", (int) days));
            assertError(reply, 400, "invalid_request");
            assertDetail(reply, "expiresInDays");
        }
        assertError(pats.createReply(creator, Pats.request("bad", "skills.read").put("expiresInDays", "30")), 400,
                "invalid_request");
        assertError(pats.createReply(creator, Pats.request("bad", "skills.read").put("expiresInDays", 1.5)), 400,
                "invalid_request");
    }

    @Test
    void anUnknownScopeIs400InvalidScopeNamingTheKnownOnes() {
        for (String scope : List.of("analytics.*", "skills", "skills.admin", "SKILLS.READ", "*", "")) {
            JsonNode body = assertError(pats.createReply(creator, Pats.request("x", "skills.read", scope)), 400,
                    "invalid_scope");
            assertThat(body.get("message").asString()).contains("skills.read", "skills.write", "skills.publish",
                    "skills.*");
        }
        assertThat(Rows.count("SELECT count(*) FROM personal_access_tokens WHERE created_by = ?::uuid",
                creator.user().id()))
            .isZero();
    }

    @Test
    void nameAndScopesAreRequired() {
        assertDetail(assertReject(Pats.request("", "skills.read")), "name");
        assertDetail(assertReject(Pats.request("   ", "skills.read")), "name");
        assertDetail(assertReject(Pats.request("x".repeat(101), "skills.read")), "name");
        assertDetail(assertReject(Pats.request("tab\u0000name", "skills.read")), "name");
        assertDetail(assertReject(Pats.request("no-scopes")), "scopes");
        assertDetail(assertReject(Json.object().put("name", "x")), "scopes");
        assertDetail(assertReject(Json.object().set("scopes", Json.array().add("skills.read"))), "name");
        assertDetail(assertReject(Json.object().put("name", 5).set("scopes", Json.array().add("skills.read"))), "name");
        assertError(api.post(Pats.tokensPath(creator.handle())).token(creator.token()).json("{").send(), 400,
                "invalid_json");
        assertThat(pats.createReply(creator, Pats.request("x".repeat(100), "skills.read")).status()).isEqualTo(201);
    }

    private Reply assertReject(JsonNode body) {
        Reply reply = pats.createReply(creator, body);
        assertError(reply, 400, "invalid_request");
        return reply;
    }

    @Test
    void aNameIsUniquePerHandleAndCreator() {
        assertThat(pats.createReply(creator, Pats.request("deploy", "skills.read")).status()).isEqualTo(201);

        assertError(pats.createReply(creator, Pats.request("deploy", "skills.write")), 409, "conflict");
        assertError(pats.createReply(creator, Pats.request(" deploy ", "skills.write")), 409, "conflict");

        World.User colleague = world.user();
        world.grant(creator.handle(), colleague.id(), "CREATOR");
        World.Member other = new World.Member(creator.handle(), creator.tenantId(), colleague);
        assertThat(pats.createReply(other, Pats.request("deploy", "skills.read")).status()).isEqualTo(201);
        World.Member elsewhere = world.creator();
        world.grant(elsewhere.handle(), creator.user().id(), "CREATOR");
        assertThat(pats
            .createReply(new World.Member(elsewhere.handle(), elsewhere.tenantId(), creator.user()),
                    Pats.request("deploy", "skills.read"))
            .status()).isEqualTo(201);
    }

    @Test
    void anExpiredTokenGivesItsNameUp() {
        Pats.Pat old = pats.create(creator, "skills.read");
        String name = old.info().get("name").asString();
        Rows.update("UPDATE personal_access_tokens SET expires_at = now() - interval '1 second' WHERE id = ?",
                old.tokenId());

        Reply again = pats.createReply(creator, Pats.request(name, "skills.read"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(Rows.count("SELECT count(*) FROM personal_access_tokens WHERE id = ?", old.tokenId())).isZero();
    }

    @Test
    void aViewerCannotCreateTokensAndAPersonalTokenCannotManageThem() {
        World.Member viewer = world.member("VIEWER", "growth_tools");
        assertError(pats.createReply(viewer, Pats.request("x", "skills.read")), 403, "insufficient_role");

        Pats.Pat pat = pats.create(creator, "skills.*");
        assertError(api.post(Pats.tokensPath(creator.handle()))
            .token(pat.token())
            .json(Pats.request("y", "skills.read"))
            .send(), 401, "invalid_token");
        assertError(api.get(Pats.tokensPath(creator.handle())).token(pat.token()).send(), 401, "invalid_token");
        assertError(api.delete(Pats.tokensPath(creator.handle()) + "/" + pat.tokenId()).token(pat.token()).send(), 401,
                "invalid_token");
        assertError(api.get(Pats.tokensPath(creator.handle())).send(), 401, "missing_bearer_token");
    }

    @Test
    void aCreatorListsTheirOwnTokensAndAnAdminEveryonesWithoutSecrets() {
        Pats.Pat mine = pats.create(creator, "skills.read");
        World.User colleague = world.user();
        world.grant(creator.handle(), colleague.id(), "CREATOR");
        Pats.Pat theirs = pats.create(new World.Member(creator.handle(), creator.tenantId(), colleague), "skills.*");
        World.User admin = world.user();
        world.grant(creator.handle(), admin.id(), "ADMIN");

        Reply own = api.get(Pats.tokensPath(creator.handle())).token(creator.token()).send();
        Reply all = api.get(Pats.tokensPath(creator.handle())).token(admin.token()).send();

        assertThat(own.status()).isEqualTo(200);
        assertThat(ids(own)).containsExactly(mine.tokenId());
        assertThat(own.json().get("tokens").get(0)).isEqualTo(mine.info());
        assertThat(ids(all)).containsExactly(theirs.tokenId(), mine.tokenId());
        assertThat(all.body()).doesNotContain(secretOf(mine), secretOf(theirs)).doesNotContain("patv1_");
    }

    @Test
    void theCreatorOrAnAdminRevokesATokenOtherCreatorsMayNot() {
        Pats.Pat pat = pats.create(creator, "skills.read");
        World.User colleague = world.user();
        world.grant(creator.handle(), colleague.id(), "CREATOR");
        World.User admin = world.user();
        world.grant(creator.handle(), admin.id(), "ADMIN");
        String path = Pats.tokensPath(creator.handle()) + "/" + pat.tokenId();

        assertError(api.delete(path).token(colleague.token()).send(), 403, "insufficient_role");
        assertThat(api.get(Pats.skills(creator.handle())).token(pat.token()).send().status()).isEqualTo(200);
        assertThat(api.delete(path).token(admin.token()).send().status()).isEqualTo(204);
        assertError(api.get(Pats.skills(creator.handle())).token(pat.token()).send(), 401, "invalid_token");
        assertThat(api.delete(path).token(creator.token()).send().status()).isEqualTo(204);

        Pats.Pat own = pats.create(creator, "skills.read");
        assertThat(api.delete(Pats.tokensPath(creator.handle()) + "/" + own.tokenId())
            .token(creator.token())
            .send()
            .status()).isEqualTo(204);
        assertThat(Rows.count("SELECT count(*) FROM personal_access_tokens WHERE handle_id = ?",
                Rows.handleId(creator.handle())))
            .isZero();
    }

    @Test
    void aTokenOfAnotherHandleIsNotRevokedThroughThisOne() {
        Pats.Pat pat = pats.create(creator, "skills.read");
        World.Member elsewhere = world.member("OWNER");

        assertThat(api.delete(Pats.tokensPath(elsewhere.handle()) + "/" + pat.tokenId())
            .token(elsewhere.token())
            .send()
            .status()).isEqualTo(204);
        assertThat(api.get(Pats.skills(creator.handle())).token(pat.token()).send().status()).isEqualTo(200);
    }

    private static List<String> ids(Reply reply) {
        return reply.json().get("tokens").valueStream().map(t -> t.get("tokenId").asString()).toList();
    }

    private static String secretOf(Pats.Pat pat) {
        return pat.token().substring(pat.token().indexOf('.') + 1);
    }

}
