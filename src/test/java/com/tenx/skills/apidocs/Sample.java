package com.tenx.skills.apidocs;

import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request to one operation of the API description: path parameters by name, query,
 * headers, body; each change makes a copy.
 */
record Sample(String method, String template, Map<String, String> path, Map<String, String> query,
        Map<String, String> headers, JsonNode body) {

    /** Marks the Idempotency-Key of a sample: each request sends a fresh one. */
    static final String FRESH_KEY = "fresh";

    Sample with(String in, String name, String value) {
        Map<String, String> path = new LinkedHashMap<>(this.path);
        Map<String, String> query = new LinkedHashMap<>(this.query);
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        Map<String, String> target = switch (in) {
            case "path" -> path;
            case "query" -> query;
            case "header" -> headers;
            default -> throw new IllegalArgumentException(in);
        };
        if (value == null) {
            target.remove(name);
        }
        else {
            target.put(name, value);
        }
        return new Sample(method, template, path, query, headers, body);
    }

    Sample withBody(JsonNode body) {
        return new Sample(method, template, path, query, headers, body);
    }

    String value(String in, String name) {
        return switch (in) {
            case "path" -> path.get(name);
            case "query" -> query.get(name);
            case "header" -> headers.get(name);
            default -> null;
        };
    }

    /** The path with its parameters filled in, and the query. */
    String target() {
        String target = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            target = target.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        return target + (query.isEmpty() ? ""
                : query.entrySet()
                    .stream()
                    .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&", "?", "")));
    }

    /** The sample with the body field at {@code pointer} set, or removed for null. */
    Sample withField(String pointer, JsonNode value) {
        JsonNode body = this.body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? body : body.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(name));
            }
            else {
                array.set(Integer.parseInt(name), value);
            }
        }
        else if (value == null) {
            ((ObjectNode) parent).remove(name);
        }
        else {
            ((ObjectNode) parent).set(name, value);
        }
        return withBody(body);
    }

    /** The sample's headers, with a fresh Idempotency-Key where it asks for one. */
    Map<String, String> sentHeaders() {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.computeIfPresent("Idempotency-Key",
                (name, value) -> FRESH_KEY.equals(value) ? World.unique("key") : value);
        return sent;
    }

    @Override
    public String toString() {
        return method + " " + target() + " " + headers.keySet() + " " + body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
