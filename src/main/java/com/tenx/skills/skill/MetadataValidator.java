package com.tenx.skills.skill;

import com.tenx.skills.web.JsonFields;
import com.tenx.skills.web.JsonInput;
import com.tenx.skills.config.Deployment;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules for a metadata PUT body, checked in this order: the plain fields
 * ({@code invalid_request}, all problems at once), then {@code status}
 * ({@code invalid_status}), then each tool in turn ({@code invalid_tools},
 * {@code invalid_tool_type}, {@code invalid_tool_name}). Read-only fields a client echoes
 * back from a GET are ignored.
 */
@Component
class MetadataValidator {

    static final int MAX_TITLE = 200;

    static final int MAX_DESCRIPTION = 2_000;

    static final int MAX_PROMPT = 100_000;

    static final int MAX_TOOLS = 64;

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private static final Set<String> TOOL_TYPES = Set.of("http", "mcp");

    /**
     * Fields that are read elsewhere or not at all, but must still be strings if sent.
     */
    private static final List<String> IGNORED_STRINGS = List.of("title", "skillKey", "runtimeStatus", "updatedAt",
            "publishedVersion");

    private final JsonMapper json;

    private final boolean allowLocalHttp;

    MetadataValidator(JsonMapper json, Deployment deployment) {
        this.json = json;
        this.allowLocalHttp = deployment.embeddedDatabase();
    }

    SkillMetadata parse(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String nameField = fields.has("displayName") ? "displayName" : "title";
        String title = text(fields, nameField, MAX_TITLE, true);
        String description = text(fields, "description", MAX_DESCRIPTION, false);
        String prompt = text(fields, "systemPrompt", MAX_PROMPT, false);
        // Strict types also for what this request does not use: the alias beside
        // displayName, and the read-only fields a client echoes back from a GET.
        for (String ignored : IGNORED_STRINGS) {
            if (!ignored.equals(nameField)) {
                fields.ignoredString(ignored);
            }
        }
        fields.throwProblems(ErrorCode.INVALID_REQUEST);
        return new SkillMetadata(title, description, prompt, tools(fields.node("tools")),
                status(fields.node("status")));
    }

    private static String text(JsonFields fields, String field, int max, boolean required) {
        JsonNode node = fields.node(field);
        if (node == null) {
            if (required) {
                fields.problem("displayName", "is required");
            }
            return required ? null : "";
        }
        if (!node.isString()) {
            fields.problem(field, "must be a string");
            return null;
        }
        String value = required ? node.stringValue().strip() : node.stringValue();
        if (required && value.isEmpty()) {
            fields.problem(field, "must not be blank");
        }
        else if (JsonInput.length(value) > max) {
            fields.problem(field, "must be at most " + max + " characters");
        }
        else if (!JsonInput.storable(value)) {
            fields.problem(field, "must not contain NUL characters or unpaired surrogates");
        }
        return value;
    }

    private static SkillStatus status(JsonNode node) {
        if (node == null || node.isNull()) {
            return SkillStatus.DRAFT;
        }
        if (node.isString() && ("DRAFT".equals(node.stringValue()) || "DISABLED".equals(node.stringValue()))) {
            return SkillStatus.valueOf(node.stringValue());
        }
        throw InvalidInput.field(ErrorCode.INVALID_STATUS, "status",
                "must be DRAFT or DISABLED; publishing is done with POST .../publish");
    }

    private String tools(JsonNode node) {
        ArrayNode tools = json.createArrayNode();
        if (node == null || node.isNull()) {
            return tools.toString();
        }
        if (!node.isArray()) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, "tools", "must be an array");
        }
        if (node.size() > MAX_TOOLS) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, "tools", "must have at most " + MAX_TOOLS + " items");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            tools.add(tool(node.get(i), "tools[" + i + "]", names));
        }
        return json.writeValueAsString(tools);
    }

    private ObjectNode tool(JsonNode item, String at, Set<String> names) {
        if (!item.isObject()) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, at, "must be an object");
        }
        JsonNode type = item.get("type");
        if (type == null || !type.isString() || !TOOL_TYPES.contains(type.stringValue())) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOL_TYPE, at + ".type", "must be http or mcp");
        }
        JsonNode name = item.get("name");
        if (name == null || !name.isString() || !TOOL_NAME.matcher(name.stringValue()).matches()) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOL_NAME, at + ".name",
                    "must start with a letter and have at most 64 letters, digits, '_' or '-'");
        }
        JsonNode config = item.get("config");
        if (config == null || !config.isObject()) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, at + ".config", "must be an object");
        }
        if (!JsonInput.storable(config)) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, at + ".config",
                    "must not contain NUL characters or unpaired surrogates");
        }
        JsonNode url = config.get("url");
        if (url == null || !url.isString() || !acceptableUrl(url.stringValue())) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, at + ".config.url", allowLocalHttp
                    ? "must be an absolute https:// URL (or http://localhost)" : "must be an absolute https:// URL");
        }
        if (!names.add(name.stringValue())) {
            throw InvalidInput.field(ErrorCode.INVALID_TOOLS, at + ".name", "duplicates another tool's name");
        }
        ObjectNode tool = json.createObjectNode();
        tool.put("type", type.stringValue());
        tool.put("name", name.stringValue());
        tool.set("config", config);
        return tool;
    }

    private boolean acceptableUrl(String value) {
        if (value.length() > 2048 || !value.equals(value.strip())) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || host.isEmpty() || uri.isOpaque()) {
            return false;
        }
        if ("https".equalsIgnoreCase(scheme)) {
            return true;
        }
        return allowLocalHttp && "http".equalsIgnoreCase(scheme)
                && ("localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
    }

}
