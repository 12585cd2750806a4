package com.tenx.skills.token;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.World;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What automation does with a token: the seed's deploy through the PAT family answers as
 * the JWT routes do, with the same ETags, and the audit trail names the token.
 */
class PatWritesTest extends ApiTest {

    private static final String KEY = "crm-lookup";

    private Pats pats;

    private World.Member admin;

    private Pats.Pat pat;

    @BeforeEach
    void admin() {
        pats = new Pats(api);
        admin = world.member("ADMIN", "growth_tools");
        pat = pats.create(admin, "skills.*");
    }

    private Reply viaPat(String method, String suffix, JsonNode body) {
        var call = api.call(method, Pats.skills(admin.handle()) + suffix).token(pat.token());
        return (body == null ? call : call.json(body)).send();
    }

    private Reply viaJwt(String suffix) {
        return api.get("/v2/handles/" + admin.handle() + "/skills" + suffix).token(admin.token()).send();
    }

    @Test
    void theSeedsDeployThroughATokenAnswersAsTheJwtRoutesDo() {
        Reply put = viaPat("PUT", "/CRM-Lookup", Json.skill());
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        assertThat(put.json()).isEqualTo(Json.object().put("ok", true).put("skillKey", KEY).put("status", "DRAFT"));

        Reply runtime = viaPat("PUT", "/" + KEY + "/runtime", Json.runtime());
        assertThat(runtime.status()).isEqualTo(200);
        assertThat(runtime.json().get("runtime").get("handle").asString()).isEqualTo(admin.handle());

        Reply published = viaPat("POST", "/" + KEY + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        String version = published.json().get("version").asString();
        assertThat(version).matches("v\\d+");

        Reply one = viaPat("GET", "/" + KEY, null);
        assertThat(one.json().get("runtimeStatus").asString()).isEqualTo("published");
        assertThat(one.json().get("publishedVersion").asString()).isEqualTo(version);
        for (String suffix : List.of("", "/" + KEY, "/" + KEY + "/runtime", "/" + KEY + "/versions",
                "/" + KEY + "/versions/" + version, "?limit=1")) {
            Reply viaToken = viaPat("GET", suffix, null);
            Reply viaSession = viaJwt(suffix);
            assertThat(viaToken.status()).as(suffix).isEqualTo(200);
            assertThat(viaToken.json()).as(suffix).isEqualTo(viaSession.json());
            assertThat(viaToken.header("ETag")).as(suffix).isEqualTo(viaSession.header("ETag"));
        }
        assertThat(viaPat("GET", "/" + KEY + "/versions", null).json()
            .get("versions")
            .get(0)
            .get("publishedBy")
            .asString()).isEqualTo(admin.user().id());

        Reply rolledBack = viaPat("POST", "/" + KEY + "/publish", Json.object().put("fromVersion", version));
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().get("fromVersion").asString()).isEqualTo(version);

        assertThat(viaPat("DELETE", "/" + KEY, null).status()).isEqualTo(204);
        assertError(viaPat("GET", "/" + KEY, null), 404, "skill_not_found");
        assertError(viaPat("POST", "/missing/publish", null), 404, "skill_not_found");
        assertThat(viaPat("PUT", "/missing", Json.skill().put("status", "PUBLISHED")).error())
            .isEqualTo("invalid_status");
    }

    @Test
    void preconditionsSyncAndDryRunsWorkThroughAToken() {
        viaPat("PUT", "/" + KEY, Json.skill());
        Reply list = viaPat("GET", "", null);
        String cursor = list.json().get("cursor").asString();
        String etag = viaPat("GET", "/" + KEY, null).header("ETag");

        Reply notModified = api.get(Pats.skill(admin.handle(), KEY))
            .token(pat.token())
            .header("If-None-Match", etag)
            .send();
        assertThat(notModified.status()).isEqualTo(304);
        Reply dryRun = api.put(Pats.skill(admin.handle(), KEY) + "?dryRun=true")
            .token(pat.token())
            .json(Json.skill().put("displayName", "Dry"))
            .send();
        assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
        assertThat(viaPat("GET", "/" + KEY, null).json().get("title").asString()).isEqualTo("CRM Lookup");

        assertThat(viaPat("PUT", "/" + KEY, Json.skill().put("displayName", "Renamed")).status()).isEqualTo(200);
        assertError(api.put(Pats.skill(admin.handle(), KEY))
            .token(pat.token())
            .header("If-Match", etag)
            .json(Json.skill())
            .send(), 412, "precondition_failed");

        Reply changes = viaPat("GET", "?since=" + cursor, null);
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.json().get("skills").get(0).get("title").asString()).isEqualTo("Renamed");
    }

    @Test
    void auditEntriesOfTokenWritesNameTheToken() {
        viaPat("PUT", "/" + KEY, Json.skill());
        viaPat("PUT", "/" + KEY + "/runtime", Json.runtime());
        viaPat("POST", "/" + KEY + "/publish", null);
        viaPat("DELETE", "/" + KEY, null);
        api.put("/v2/handles/" + admin.handle() + "/skills/other").token(admin.token()).json(Json.skill()).send();

        Reply audit = api.get("/v2/handles/" + admin.handle() + "/audit").token(admin.token()).send();

        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = audit.json().get("entries");
        assertThat(entries.get(0).get("actor"))
            .isEqualTo(Json.object().put("userId", admin.user().id()).put("email", admin.user().email()));
        List<String> actions = entries.valueStream().skip(1).limit(4).map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsExactly("skill.delete", "skill.publish", "skill.runtime.put", "skill.put");
        entries.valueStream()
            .skip(1)
            .limit(4)
            .forEach(entry -> assertThat(entry.get("actor")).isEqualTo(Json.object()
                .put("userId", admin.user().id())
                .put("email", admin.user().email())
                .put("tokenId", pat.tokenId())));
        assertThat(Rows.count("SELECT count(*) FROM audit_entries WHERE actor_token_id = ?", pat.tokenId()))
            .isEqualTo(4);
    }

    @Test
    void lastUsedAtIsWrittenAtMostOnceAMinute() {
        assertThat(lastUsed()).isNull();
        Instant before = Instant.now().minusSeconds(1);

        viaPat("GET", "", null);
        Instant first = lastUsed();
        assertThat(first).isNotNull().isAfter(before).isBefore(Instant.now().plusSeconds(1));
        JsonNode listed = api.get(Pats.tokensPath(admin.handle())).token(admin.token()).send().json().get("tokens");
        assertThat(Instant.parse(listed.get(0).get("lastUsedAt").asString()))
            .isEqualTo(first.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        Rows.update("UPDATE personal_access_tokens SET last_used_at = now() - interval '50 seconds' WHERE id = ?",
                pat.tokenId());
        Instant recent = lastUsed();
        viaPat("GET", "", null);
        viaPat("PUT", "/" + KEY, Json.skill());
        assertThat(lastUsed()).isEqualTo(recent);

        Rows.update("UPDATE personal_access_tokens SET last_used_at = now() - interval '61 seconds' WHERE id = ?",
                pat.tokenId());
        Instant old = lastUsed();
        viaPat("GET", "", null);
        assertThat(lastUsed()).isAfter(old.plusSeconds(60));
    }

    @Test
    void aRefusedTokenIsNotRecordedAsUsed() {
        api.get("/v2/handles/" + admin.handle() + "/skills").token(pat.token()).send();
        api.get(Pats.skills(admin.handle())).token(ScannerChecksum.forged(pat.token())).send();

        assertThat(lastUsed()).isNull();
    }

    private Instant lastUsed() {
        return (Instant) Rows.column("SELECT last_used_at FROM personal_access_tokens WHERE id = ?", pat.tokenId())
            .get(0);
    }

}
