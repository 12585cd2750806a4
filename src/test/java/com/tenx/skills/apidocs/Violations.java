package com.tenx.skills.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tenx.skills.support.Json;
import com.tenx.skills.support.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests an API description forbids for an operation, derived from the description
 * itself: one constraint of one parameter or body field broken at a time (type, null,
 * length, pattern, enum, bounds, item counts, a required field or body left out).
 */
final class Violations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;

    Violations(JsonNode document) {
        this.document = document;
    }

    /** One forbidden request. */
    record Violation(String what, Sample sample) {
    }

    /** The error codes the operation's 400 answer describes. */
    Set<String> codes(JsonNode operation) {
        JsonNode schema = resolve(resolve(operation.path("responses").path("400")).path("content")
            .path("application/json")
            .path("schema"));
        Set<String> codes = null;
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        schema.path("allOf").forEach(parts::add);
        for (JsonNode part : parts) {
            JsonNode values = resolve(resolve(part).path("properties").path("error")).path("enum");
            if (values.isArray()) {
                Set<String> these = values.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
                if (codes == null) {
                    codes = these;
                }
                else {
                    codes.retainAll(these);
                }
            }
        }
        assertThat(codes).as("the error codes of the 400 answer").isNotEmpty();
        return codes;
    }

    /** Every way of breaking one constraint of the operation the document states. */
    List<Violation> of(JsonNode pathItem, JsonNode operation, Sample sample) {
        List<Violation> violations = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode reference : parameters) {
            JsonNode parameter = resolve(reference);
            String in = parameter.get("in").asString();
            String name = parameter.get("name").asString();
            JsonNode schema = effective(parameter.path("schema"));
            if (!constrained(schema)) {
                continue;
            }
            String value = sample.value(in, name);
            assertThat(value).as("the sample gives %s %s a value", in, name).isNotNull();
            if (Sample.FRESH_KEY.equals(value)) {
                value = World.unique("key");
            }
            for (Map.Entry<String, JsonNode> broken : broken(schema, NODES.stringNode(value), true).entrySet()) {
                if (in.equals("path") && broken.getValue().asString().isEmpty()) {
                    continue; // an empty segment is another route
                }
                violations.add(new Violation(in + " " + name + " " + broken.getKey(),
                        sample.with(in, name, broken.getValue().asString())));
            }
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            JsonNode requestBody = resolve(body);
            if (requestBody.path("required").asBoolean(false)) {
                violations.add(new Violation("body missing", sample.withBody(null)));
            }
            JsonNode schema = requestBody.path("content").path("application/json").path("schema");
            bodyViolations(schema, sample.body(), "", sample, violations);
        }
        return violations;
    }

    /** Breaks {@code value} (at {@code pointer} of the body) and each of its fields. */
    private void bodyViolations(JsonNode schema, JsonNode value, String pointer, Sample sample,
            List<Violation> violations) {
        JsonNode effective = effective(schema);
        String at = pointer.isEmpty() ? "/" : pointer;
        for (Map.Entry<String, JsonNode> broken : broken(effective, value, false).entrySet()) {
            violations.add(new Violation("body " + at + " " + broken.getKey(), pointer.isEmpty()
                    ? sample.withBody(broken.getValue()) : sample.withField(pointer, broken.getValue())));
        }
        if (value.isObject()) {
            Set<String> required = new HashSet<>();
            effective.path("required").forEach(name -> required.add(name.asString()));
            effective.path("anyOf").forEach(branch -> resolve(branch).path("required").forEach(name -> {
                if (value.has(name.asString())) {
                    required.add(name.asString());
                }
            }));
            for (String name : required) {
                violations.add(new Violation("body " + pointer + "/" + name + " missing",
                        sample.withField(pointer + "/" + name, null)));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode property = propertySchema(effective, field.getKey());
                if (property != null) {
                    bodyViolations(property, field.getValue(), pointer + "/" + field.getKey(), sample, violations);
                }
            }
        }
        else if (value.isArray() && !value.isEmpty() && effective.has("items")) {
            bodyViolations(effective.get("items"), value.get(0), pointer + "/0", sample, violations);
        }
    }

    /**
     * A field's schema: the object's own, with the constraints any {@code anyOf} branch
     * adds (nullable only when every part says so).
     */
    private JsonNode propertySchema(JsonNode object, String name) {
        List<JsonNode> parts = new ArrayList<>();
        if (object.path("properties").has(name)) {
            parts.add(effective(object.path("properties").get(name)));
        }
        object.path("anyOf").forEach(branch -> {
            JsonNode property = resolve(branch).path("properties").path(name);
            if (!property.isMissingNode()) {
                parts.add(effective(property));
            }
        });
        if (parts.isEmpty()) {
            return null;
        }
        ObjectNode merged = Json.object();
        parts.forEach(part -> merged.setAll((ObjectNode) part.deepCopy()));
        merged.put("nullable", parts.stream().allMatch(part -> part.path("nullable").asBoolean(false)));
        return merged;
    }

    /**
     * The ways to break {@code value} against its schema's own constraints, by what each
     * breaks.
     */
    private static Map<String, JsonNode> broken(JsonNode schema, JsonNode value, boolean parameter) {
        Map<String, JsonNode> broken = new LinkedHashMap<>();
        String type = schema.path("type").asString("");
        if (!parameter) {
            switch (type) {
                case "string" -> broken.put("as a number", NODES.numberNode(5));
                case "integer" -> {
                    broken.put("as a string", NODES.stringNode(value.asString()));
                    broken.put("as a fraction", NODES.numberNode(value.asInt() + 0.5));
                }
                case "boolean" -> broken.put("as a string", NODES.stringNode(value.asString()));
                case "array" -> broken.put("as an object", Json.object());
                case "object" -> broken.put("as an array", Json.array());
                default -> {
                }
            }
            if (!schema.path("nullable").asBoolean(false)) {
                broken.put("null", NODES.nullNode());
            }
        }
        else if (type.equals("integer")) {
            broken.put("not an integer", NODES.stringNode("ten"));
        }
        else if (type.equals("boolean")) {
            broken.put("not a boolean", NODES.stringNode("maybe"));
        }
        if (type.equals("string")) {
            String text = value.asString();
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                broken.put("over " + max + " characters", NODES.stringNode(longer(text, max + 1, schema)));
            }
            if (schema.path("minLength").asInt(0) > 0) {
                int min = schema.get("minLength").asInt();
                broken.put("under " + min + " characters", NODES.stringNode(text.substring(0, min - 1)));
            }
            if (schema.has("pattern")) {
                broken.put("breaking " + schema.get("pattern").asString(), NODES.stringNode(mismatch(text, schema)));
            }
            if (schema.has("enum")) {
                broken.put("outside its enum", NODES.stringNode("no-" + text));
            }
        }
        if (type.equals("integer") || type.equals("number")) {
            if (schema.has("minimum")) {
                long below = schema.get("minimum").asLong() - 1;
                broken.put("below its minimum",
                        parameter ? NODES.stringNode(Long.toString(below)) : NODES.numberNode(below));
            }
            if (schema.has("maximum")) {
                long above = schema.get("maximum").asLong() + 1;
                broken.put("above its maximum",
                        parameter ? NODES.stringNode(Long.toString(above)) : NODES.numberNode(above));
            }
        }
        if (type.equals("array") && value.isArray()) {
            if (schema.has("maxItems") && !value.isEmpty()) {
                ArrayNode more = Json.array();
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    more.add(value.get(0).deepCopy());
                }
                broken.put("with too many items", more);
            }
            if (schema.path("minItems").asInt(0) > 0) {
                ArrayNode fewer = Json.array();
                for (int i = 0; i < schema.get("minItems").asInt() - 1; i++) {
                    fewer.add(value.get(i).deepCopy());
                }
                broken.put("with too few items", fewer);
            }
        }
        return broken;
    }

    /** A string of {@code length} that keeps the pattern where it can. */
    private static String longer(String text, int length, JsonNode schema) {
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asString()) : null;
        String last = text.isEmpty() ? "a" : text.substring(text.length() - 1);
        for (String candidate : List.of(text + last.repeat(Math.max(0, length - text.length())), "a".repeat(length),
                "A".repeat(length), "1".repeat(length))) {
            String cut = candidate.substring(0, length);
            if (pattern == null || pattern.matcher(cut).find()) {
                return cut;
            }
        }
        return "a".repeat(length);
    }

    /** The value changed so that it breaks its pattern, within its length limits. */
    private static String mismatch(String text, JsonNode schema) {
        Pattern pattern = Pattern.compile(schema.get("pattern").asString());
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        for (String candidate : List.of(text + "!", "!" + text, text + " x", text + "@", text + "\tx", "   ")) {
            if (!pattern.matcher(candidate).find() && candidate.length() <= max && candidate.length() >= min) {
                return candidate;
            }
        }
        return fail("no value breaks " + pattern + " near " + text);
    }

    private static boolean constrained(JsonNode schema) {
        return Stream.of("pattern", "minLength", "maxLength", "minimum", "maximum", "enum").anyMatch(schema::has)
                || Set.of("integer", "boolean", "number").contains(schema.path("type").asString(""));
    }

    /** The schema with its references and {@code allOf} parts merged in. */
    private JsonNode effective(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (!resolved.has("allOf")) {
            return resolved;
        }
        ObjectNode merged = Json.object();
        resolved.get("allOf").forEach(part -> merged.setAll((ObjectNode) effective(part).deepCopy()));
        resolved.properties().forEach(field -> {
            if (!field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    boolean declares(JsonNode pathItem, JsonNode operation, String name) {
        return Stream.concat(pathItem.path("parameters").valueStream(), operation.path("parameters").valueStream())
            .anyMatch(parameter -> resolve(parameter).path("name").asString("").equals(name));
    }

}
