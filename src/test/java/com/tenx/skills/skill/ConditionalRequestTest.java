package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Strong ETags on reads, 304 for If-None-Match, 412 for a stale If-Match or a create-only
 * PUT.
 */
class ConditionalRequestTest extends ApiTest {

    private static final String STRONG_ETAG = "\"[^\"]+\"";

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
        skills.createReady("crm-lookup");
    }

    @Test
    void listAndSkillSendStrongEtags() {
        assertThat(skills.getList().header("ETag")).matches(STRONG_ETAG);
        assertThat(skills.get("crm-lookup").header("ETag")).matches(STRONG_ETAG);
    }

    @Test
    void taggedReadsMayBeKeptButOnlyUsedAfterRevalidating() {
        assertThat(skills.getList().header("Cache-Control")).isEqualTo("no-cache, private");
        assertThat(skills.get("crm-lookup").header("Cache-Control")).isEqualTo("no-cache, private");
        Reply paged = api.get(skills.list() + "?limit=1").token(skills.token()).send();
        assertThat(paged.header("Cache-Control")).isEqualTo("no-cache, private");
    }

    @Test
    void readsAreJsonOfTheLengthTheySay() {
        for (Reply read : new Reply[] { skills.getList(), skills.get("crm-lookup") }) {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Content-Type")).isEqualTo("application/json");
            assertThat(read.header("Content-Length"))
                .isEqualTo(String.valueOf(read.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIs304WithoutBody() {
        String listTag = skills.listEtag();
        String skillTag = skills.etag("crm-lookup");

        Reply list = api.get(skills.list()).token(skills.token()).header("If-None-Match", listTag).send();
        Reply one = api.get(skills.path("crm-lookup")).token(skills.token()).header("If-None-Match", skillTag).send();

        assertThat(list.status()).isEqualTo(304);
        assertThat(list.body()).isEmpty();
        assertThat(list.header("ETag")).isEqualTo(listTag);
        assertThat(one.status()).isEqualTo(304);
        assertThat(one.body()).isEmpty();
        assertThat(one.header("ETag")).isEqualTo(skillTag);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsLists() {
        String skillTag = skills.etag("crm-lookup");

        Reply weak = api.get(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-None-Match", "W/" + skillTag)
            .send();
        Reply listed = api.get(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-None-Match", "\"other\", " + skillTag)
            .send();
        Reply star = api.get(skills.path("crm-lookup")).token(skills.token()).header("If-None-Match", "*").send();

        assertThat(weak.status()).isEqualTo(304);
        assertThat(listed.status()).isEqualTo(304);
        assertThat(star.status()).isEqualTo(304);
    }

    @Test
    void weakIfMatchNeverMatches() {
        String skillTag = skills.etag("crm-lookup");

        assertError(api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-Match", "W/" + skillTag)
            .json(Json.skill().put("displayName", "Weak"))
            .send(), 412, "precondition_failed");
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("CRM Lookup");
    }

    @Test
    void ifNoneMatchWithAnotherEtagAnswersTheBody() {
        Reply one = api.get(skills.path("crm-lookup")).token(skills.token()).header("If-None-Match", "\"nope\"").send();

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("skillKey").asString()).isEqualTo("crm-lookup");
    }

    @Test
    void everyWriteChangesTheSkillAndListEtags() {
        String[] skillTag = { skills.etag("crm-lookup") };
        String[] listTag = { skills.listEtag() };
        Runnable changed = () -> {
            String nextSkill = skills.etag("crm-lookup");
            String nextList = skills.listEtag();
            assertThat(nextSkill).isNotEqualTo(skillTag[0]);
            assertThat(nextList).isNotEqualTo(listTag[0]);
            skillTag[0] = nextSkill;
            listTag[0] = nextList;
        };

        skills.put("crm-lookup", Json.skill().put("description", "changed"));
        changed.run();
        skills.putRuntime("crm-lookup", Json.runtime().put("cpu", 1024));
        changed.run();
        skills.publish("crm-lookup");
        changed.run();
        Reply stale = api.get(skills.path("crm-lookup")).token(skills.token()).header("If-None-Match", "\"1\"").send();
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void writeToAnotherSkillChangesTheListEtagOnly() {
        String skillTag = skills.etag("crm-lookup");
        String listTag = skills.listEtag();

        skills.put("other", Json.skill());

        assertThat(skills.etag("crm-lookup")).isEqualTo(skillTag);
        assertThat(skills.listEtag()).isNotEqualTo(listTag);
        String afterPut = skills.listEtag();
        skills.delete("other");
        assertThat(skills.etag("crm-lookup")).isEqualTo(skillTag);
        assertThat(skills.listEtag()).isNotEqualTo(afterPut);
    }

    @Test
    void ifMatchWithTheCurrentEtagLetsEveryWriteThrough() {
        Reply put = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-Match", skills.etag("crm-lookup"))
            .json(Json.skill().put("displayName", "Matched"))
            .send();
        Reply runtime = api.put(skills.path("crm-lookup") + "/runtime")
            .token(skills.token())
            .header("If-Match", skills.etag("crm-lookup"))
            .json(Json.runtime().put("cpu", 2048))
            .send();
        Reply publish = api.post(skills.path("crm-lookup") + "/publish")
            .token(skills.token())
            .header("If-Match", skills.etag("crm-lookup"))
            .send();

        assertThat(put.status()).isEqualTo(200);
        assertThat(runtime.status()).isEqualTo(200);
        assertThat(publish.status()).isEqualTo(200);
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("Matched");
        assertThat(skills.getRuntime("crm-lookup").json().get("cpu").asInt()).isEqualTo(2048);

        Reply delete = api.delete(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-Match", skills.etag("crm-lookup"))
            .send();
        assertThat(delete.status()).isEqualTo(204);
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void staleIfMatchIs412AndWritesNothing() {
        String stale = skills.etag("crm-lookup");
        skills.put("crm-lookup", Json.skill().put("displayName", "Moved on"));
        JsonNode before = skills.skill("crm-lookup");
        JsonNode runtimeBefore = skills.getRuntime("crm-lookup").json();
        String listTag = skills.listEtag();

        assertError(api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-Match", stale)
            .json(Json.skill().put("displayName", "Lost update"))
            .send(), 412, "precondition_failed");
        assertError(api.put(skills.path("crm-lookup") + "/runtime")
            .token(skills.token())
            .header("If-Match", stale)
            .json(Json.runtime().put("cpu", 4096))
            .send(), 412, "precondition_failed");
        assertError(
                api.post(skills.path("crm-lookup") + "/publish").token(skills.token()).header("If-Match", stale).send(),
                412, "precondition_failed");
        assertError(api.delete(skills.path("crm-lookup")).token(skills.token()).header("If-Match", stale).send(), 412,
                "precondition_failed");

        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(skills.getRuntime("crm-lookup").json()).isEqualTo(runtimeBefore);
        assertThat(skills.versions("crm-lookup").json().get("versions").size()).isZero();
        assertThat(skills.listEtag()).isEqualTo(listTag);
    }

    @Test
    void ifMatchOnAMissingSkillIs412() {
        assertError(api.put(skills.path("missing"))
            .token(skills.token())
            .header("If-Match", "\"1\"")
            .json(Json.skill())
            .send(), 412, "precondition_failed");
        assertError(
                api.put(skills.path("missing")).token(skills.token()).header("If-Match", "*").json(Json.skill()).send(),
                412, "precondition_failed");
        assertError(api.delete(skills.path("missing")).token(skills.token()).header("If-Match", "*").send(), 412,
                "precondition_failed");
        assertError(skills.get("missing"), 404, "skill_not_found");
    }

    @Test
    void ifMatchStarLetsAWriteToAnExistingSkillThrough() {
        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .header("If-Match", "*")
            .json(Json.skill().put("displayName", "Any state"))
            .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("Any state");
    }

    @Test
    void ifNoneMatchStarCreatesOnlyWhenAbsent() {
        Reply created = api.put(skills.path("fresh"))
            .token(skills.token())
            .header("If-None-Match", "*")
            .json(Json.skill())
            .send();
        Reply again = api.put(skills.path("fresh"))
            .token(skills.token())
            .header("If-None-Match", "*")
            .json(Json.skill().put("displayName", "Overwritten"))
            .send();

        assertThat(created.status()).isEqualTo(201);
        assertError(again, 412, "precondition_failed");
        assertThat(skills.skill("fresh").get("title").asString()).isEqualTo("CRM Lookup");
    }

}
