package com.tenx.skills.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builders of request bodies for tests. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /**
     * The seed's metadata body for {@code crm-lookup}; change fields with
     * {@code put}/{@code set}.
     */
    public static ObjectNode skill() {
        ObjectNode body = object();
        body.put("displayName", "CRM Lookup");
        body.put("description", "Look up CRM records.");
        body.put("systemPrompt", "Use this skill when CRM context is needed.");
        body.set("tools", array().add(tool("http", "lookup", "https://api.example.com/lookup")));
        body.put("status", "DRAFT");
        return body;
    }

    public static ObjectNode tool(String type, String name, String url) {
        ObjectNode tool = object();
        tool.put("type", type);
        tool.put("name", name);
        tool.set("config", object().put("url", url));
        return tool;
    }

    /** The seed's runtime body; change fields with {@code put}/{@code set}. */
    public static ObjectNode runtime() {
        ObjectNode body = object();
        body.put("imageRef", "catalog/node:20");
        body.set("command", array().add("node").add("server.js"));
        body.set("args", array());
        body.put("cpu", 512);
        body.put("memory", 1024);
        body.put("idleTimeoutSec", 900);
        body.put("maxSessionSec", 3600);
        body.set("secretsRefs", array());
        body.set("networkPolicy", object());
        body.set("planGates", object());
        return body;
    }

}
