package com.tenx.skills.docs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the values that differ on every run (ids, versions, tokens, cursors, times,
 * request ids, ETags) by placeholders, so that two runs of the walk-through read the
 * same. Ids and versions get numbered labels, the same value the same label: so the
 * README still shows, and the comparison still checks, that a rollback's
 * {@code fromVersion} is the version published before, or that a member's {@code userId}
 * is the user created before. One masker per side, fed the answers in order.
 */
final class Masker {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Pattern VERSION = Pattern.compile("v[0-9]+");

    private static final Pattern VERSION_IN_TEXT = Pattern.compile("\\bv[0-9]{13}\\b");

    private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.[0-9]{3}Z");

    private static final Set<String> IDS = Set.of("id", "userId", "publishedBy");

    private static final Set<String> VERSIONS = Set.of("version", "fromVersion", "publishedVersion");

    private static final Set<String> TIMES = Set.of("at", "updatedAt", "publishedAt", "deletedAt");

    private static final Set<String> OPAQUE = Set.of("accessToken", "cursor", "nextCursor", "requestId");

    /** Headers whose values change from run to run (or with the server's settings). */
    private static final Set<String> VOLATILE_HEADERS = Set.of("x-request-id", "etag", "date", "content-length",
            "ratelimit", "ratelimit-policy", "retry-after");

    private final Map<String, String> labels = new HashMap<>();

    private final Map<String, Integer> counts = new HashMap<>();

    /** A masked copy of {@code json}. */
    JsonNode mask(JsonNode json) {
        JsonNode copy = json.deepCopy();
        maskIn(copy);
        return copy;
    }

    String maskHeader(String name, String value) {
        return VOLATILE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "<masked>" : value;
    }

    /** Plain text: ids, versions and times wherever they appear. */
    String maskText(String text) {
        String masked = UUID.matcher(text).replaceAll((match) -> label("id", match.group()));
        masked = Pattern.compile("\\bv[0-9]{13}\\b")
            .matcher(masked)
            .replaceAll((match) -> label("version", match.group()));
        return TIME.matcher(masked).replaceAll("<time>");
    }

    private void maskIn(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(this::maskIn);
        }
        else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                JsonNode value = property.getValue();
                String masked = value.isString() ? masked(property.getKey(), value.stringValue()) : null;
                if (masked != null) {
                    object.put(property.getKey(), masked);
                }
                else {
                    maskIn(value);
                }
            }
        }
    }

    /** The placeholder for a string field, or null to keep it. */
    private String masked(String field, String value) {
        if (IDS.contains(field) && UUID.matcher(value).matches()) {
            return label("id", value);
        }
        if (VERSIONS.contains(field) && VERSION.matcher(value).matches()) {
            return label("version", value);
        }
        if (TIMES.contains(field) && TIME.matcher(value).matches()) {
            return "<time>";
        }
        if (OPAQUE.contains(field) && !value.isEmpty()) {
            return "<" + field + ">";
        }
        return null;
    }

    private String label(String kind, String value) {
        return labels.computeIfAbsent(kind + ":" + value,
                (key) -> "<" + kind + "-" + counts.merge(kind, 1, Integer::sum) + ">");
    }

}
