package com.tenx.skills.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed document's calls, in its order, with the answers it shows. */
class SeedFlowTest extends ApiTest {

    @Test
    void seedFlowListPutRuntimePublishListDelete() {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";

        Reply empty = api.get(skills).token(creator.token()).send();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("skills").size()).isZero();

        Reply created = api.put(skills + "/CRM-Lookup").token(creator.token()).json(Json.skill()).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json())
            .isEqualTo(Json.parse("{\"ok\":true,\"skillKey\":\"crm-lookup\",\"status\":\"DRAFT\"}"));

        Reply runtime = api.put(skills + "/crm-lookup/runtime").token(creator.token()).json(Json.runtime()).send();
        assertThat(runtime.status()).isEqualTo(200);
        assertThat(runtime.json().get("runtime").get("handle").asString()).isEqualTo(creator.handle());
        assertThat(runtime.json().get("runtime").get("cpu").asInt()).isEqualTo(512);

        String beforePublish = api.get(skills)
            .token(creator.token())
            .send()
            .json()
            .get("skills")
            .get(0)
            .get("updatedAt")
            .asString();
        assertThat(api.get(skills)
            .token(creator.token())
            .send()
            .json()
            .get("skills")
            .get(0)
            .get("runtimeStatus")
            .asString()).isEqualTo("ready");

        Reply published = api.post(skills + "/crm-lookup/publish").token(creator.token()).send();
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asString()).matches("v[0-9]{13}");

        JsonNode item = api.get(skills).token(creator.token()).send().json().get("skills").get(0);
        assertThat(item.get("runtimeStatus").asString()).isEqualTo("published");
        assertThat(item.get("updatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
            .isGreaterThan(beforePublish);
        assertThat(item.get("tools")).isEqualTo(Json.skill().get("tools"));
        assertThat(item.get("title").asString()).isEqualTo("CRM Lookup");

        Reply deleted = api.delete(skills + "/crm-lookup").token(creator.token()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get(skills + "/crm-lookup").token(creator.token()).send().error()).isEqualTo("skill_not_found");
    }

}
