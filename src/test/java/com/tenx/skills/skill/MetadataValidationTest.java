package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertDetail;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Metadata PUT bodies that are refused: the code, the details, and that nothing was
 * stored.
 */
class MetadataValidationTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    private void assertNothingStored() {
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void missingDisplayNameIsInvalidRequest() {
        var body = Json.skill();
        body.remove("displayName");

        Reply reply = skills.put("crm-lookup", body);

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "displayName");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\t\n" })
    void blankDisplayNameIsInvalidRequest(String blank) {
        Reply reply = skills.put("crm-lookup", Json.skill().put("displayName", blank));

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "displayName");
        assertNothingStored();
    }

    @Test
    void overLongFieldsAreInvalidRequestWithOneDetailEach() {
        var body = Json.skill()
            .put("displayName", "n".repeat(201))
            .put("description", "d".repeat(2001))
            .put("systemPrompt", "p".repeat(100_001));

        Reply reply = skills.put("crm-lookup", body);

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "displayName");
        assertDetail(reply, "description");
        assertDetail(reply, "systemPrompt");
        assertNothingStored();
    }

    @Test
    void overLongFieldOnUpdateLeavesTheSkillUnchanged() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");

        Reply reply = skills.put("crm-lookup", Json.skill().put("description", "d".repeat(2001)));

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "description");
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
    }

    @Test
    void wrongTypesAreInvalidRequestWithDetails() {
        var body = Json.skill().put("displayName", 5).put("description", true);
        body.set("systemPrompt", Json.array().add("x"));

        Reply reply = skills.put("crm-lookup", body);

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "displayName");
        assertDetail(reply, "description");
        assertDetail(reply, "systemPrompt");
        assertNothingStored();
    }

    @Test
    void titleAliasOfWrongTypeIsInvalidRequest() {
        var body = Json.skill();
        body.remove("displayName");
        body.put("title", 12);

        Reply reply = skills.put("crm-lookup", body);

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "title");
    }

    @Test
    void bodyThatIsNotAnObjectIsInvalidRequest() {
        assertError(skills.put("crm-lookup", Json.array().add(Json.skill())), 400, "invalid_request");
        assertError(api.put(skills.path("crm-lookup")).token(skills.token()).json("\"CRM\"").send(), 400,
                "invalid_request");
        assertNothingStored();
    }

    @Test
    void missingBodyIsInvalidRequest() {
        Reply reply = api.put(skills.path("crm-lookup")).token(skills.token()).send();

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "displayName");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"PUBLISHED\"", "\"draft\"", "\"Disabled\"", "\"\"", "5", "true", "[\"DRAFT\"]" })
    void statusOtherThanDraftOrDisabledIsInvalidStatus(String status) {
        String body = Json.skill().toString().replace("\"status\":\"DRAFT\"", "\"status\":" + status);

        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(body.getBytes(StandardCharsets.UTF_8), "application/json")
            .send();

        assertError(reply, 400, "invalid_status");
        assertDetail(reply, "status");
        assertNothingStored();
    }

    @Test
    void publishedStatusOnAnExistingSkillChangesNothing() {
        skills.createReady("crm-lookup");
        JsonNode before = skills.skill("crm-lookup");

        assertError(skills.put("crm-lookup", Json.skill().put("status", "PUBLISHED")), 400, "invalid_status");

        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(before.get("runtimeStatus").asString()).isEqualTo("ready");
    }

    @Test
    void nulCharacterInAFieldIs400NotA500() {
        Reply inName = skills.put("crm-lookup", Json.skill().put("displayName", "CRM\u0000Lookup"));
        Reply inPrompt = skills.put("crm-lookup", Json.skill().put("systemPrompt", "a\u0000b"));
        Reply inDescription = skills.put("crm-lookup", Json.skill().put("description", "\u0000"));

        assertError(inName, 400, "invalid_request");
        assertDetail(inName, "displayName");
        assertError(inPrompt, 400, "invalid_request");
        assertDetail(inPrompt, "systemPrompt");
        assertError(inDescription, 400, "invalid_request");
        assertNothingStored();
    }

    @Test
    void unpairedSurrogateIs400NotA500() {
        String body = "{\"displayName\":\"CRM \\ud800 Lookup\"}";

        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(body.getBytes(StandardCharsets.UTF_8), "application/json")
            .send();

        assertThat(reply.status()).isEqualTo(400);
        assertError(reply, 400, reply.error());
        assertNothingStored();
    }

}
