package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertDetail;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools of a metadata PUT: shape, type, name and URL rules, each with its own code.
 */
class ToolValidationTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    private Reply putTools(JsonNode tools) {
        return skills.put("crm-lookup", Json.skill().set("tools", tools));
    }

    private Reply putTool(ObjectNode tool) {
        return putTools(Json.array().add(tool));
    }

    private void assertRejected(Reply reply, String code) {
        assertError(reply, 400, code);
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void toolsThatAreNotAnArrayAreInvalidTools() {
        Reply reply = putTools(Json.tool("http", "lookup", "https://api.example.com/lookup"));

        assertRejected(reply, "invalid_tools");
        assertDetail(reply, "tools");
        assertRejected(skills.put("crm-lookup", Json.skill().put("tools", "lookup")), "invalid_tools");
    }

    @Test
    void itemThatIsNotAnObjectIsInvalidTools() {
        Reply reply = putTools(Json.array().add("lookup"));

        assertRejected(reply, "invalid_tools");
        assertDetail(reply, "tools[0]");
    }

    @Test
    void missingOrNonObjectConfigIsInvalidTools() {
        ObjectNode missing = Json.tool("http", "lookup", "https://api.example.com/lookup");
        missing.remove("config");
        ObjectNode text = Json.tool("http", "lookup", "https://api.example.com/lookup")
            .put("config", "https://api.example.com/lookup");

        assertRejected(putTool(missing), "invalid_tools");
        assertRejected(putTool(text), "invalid_tools");
        Reply array = putTool(Json.tool("http", "lookup", "x").set("config", Json.array()));
        assertRejected(array, "invalid_tools");
        assertDetail(array, "tools[0].config");
    }

    @Test
    void duplicateNamesAreInvalidTools() {
        Reply reply = putTools(Json.array()
            .add(Json.tool("http", "lookup", "https://a.example.com"))
            .add(Json.tool("mcp", "lookup", "https://b.example.com")));

        assertRejected(reply, "invalid_tools");
        assertDetail(reply, "tools[1].name");
    }

    @Test
    void sixtyFourToolsAreAcceptedAndSixtyFiveRejected() {
        ArrayNode tools = Json.array();
        for (int i = 0; i < 64; i++) {
            tools.add(Json.tool("http", "tool" + i, "https://api.example.com/" + i));
        }
        assertThat(putTools(tools).status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("tools").size()).isEqualTo(64);

        tools.add(Json.tool("http", "tool64", "https://api.example.com/64"));
        Reply reply = putTools(tools);

        assertError(reply, 400, "invalid_tools");
        assertThat(skills.skill("crm-lookup").get("tools").size()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://api.example.com/lookup", "http://localhost:8080/lookup", "/lookup", "lookup",
            "api.example.com/lookup", "ftp://api.example.com/x", "https://", "https:///path",
            " https://api.example.com", "mailto:someone@example.com" })
    void urlThatIsNotAbsoluteHttpsIsInvalidTools(String url) {
        Reply reply = putTool(Json.tool("http", "lookup", url));

        assertRejected(reply, "invalid_tools");
        assertDetail(reply, "tools[0].config.url");
    }

    @Test
    void missingOrNonStringUrlIsInvalidTools() {
        assertRejected(putTool(Json.tool("mcp", "lookup", "x").set("config", Json.object())), "invalid_tools");
        assertRejected(putTool(Json.tool("mcp", "lookup", "x").set("config", Json.object().put("url", 443))),
                "invalid_tools");
    }

    @Test
    void nulInsideAToolConfigIs400NotA500() {
        ObjectNode inValue = Json.tool("http", "lookup", "x");
        inValue.set("config", Json.object().put("url", "https://api.example.com").put("header", "a\u0000b"));
        ObjectNode inName = Json.tool("http", "lookup", "x");
        inName.set("config",
                Json.object().put("url", "https://api.example.com").set("nested", Json.object().put("k\u0000", "v")));

        assertRejected(putTool(inValue), "invalid_tools");
        assertRejected(putTool(inName), "invalid_tools");
    }

    @Test
    void typeOtherThanHttpOrMcpIsInvalidToolType() {
        ObjectNode missing = Json.tool("http", "lookup", "https://api.example.com");
        missing.remove("type");

        Reply ftp = putTool(Json.tool("ftp", "lookup", "https://api.example.com"));
        assertRejected(ftp, "invalid_tool_type");
        assertDetail(ftp, "tools[0].type");
        assertRejected(putTool(missing), "invalid_tool_type");
        assertRejected(putTool(Json.tool("HTTP", "lookup", "https://api.example.com")), "invalid_tool_type");
        assertRejected(putTool(Json.tool("http", "lookup", "https://api.example.com").put("type", 1)),
                "invalid_tool_type");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1abc", "a b", "_lookup", "-lookup", "look.up", "lookup!", "",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void badNameIsInvalidToolName(String name) {
        Reply reply = putTool(Json.tool("http", name, "https://api.example.com"));

        assertRejected(reply, "invalid_tool_name");
        assertDetail(reply, "tools[0].name");
    }

    @Test
    void missingNameIsInvalidToolName() {
        ObjectNode tool = Json.tool("http", "lookup", "https://api.example.com");
        tool.remove("name");

        assertRejected(putTool(tool), "invalid_tool_name");
    }

    @Test
    void namesAtTheLimitsAreAccepted() {
        String longest = "A" + "b_-9".repeat(15) + "xyz";
        assertThat(longest).hasSize(64);

        Reply reply = putTools(Json.array()
            .add(Json.tool("http", longest, "https://a.example.com"))
            .add(Json.tool("mcp", "x", "https://b.example.com")));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("tools").get(0).get("name").asString()).isEqualTo(longest);
    }

    @Test
    void nullToolsMeanNoTools() {
        Reply reply = skills.put("crm-lookup", Json.skill().putNull("tools"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("tools")).isEqualTo(Json.array());
    }

}
