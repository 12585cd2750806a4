package com.tenx.skills.web;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Checks on client JSON that the database would otherwise refuse with a 500. */
public final class JsonInput {

    private JsonInput() {
    }

    /** Whether a string can be stored: no NUL character and no unpaired surrogate. */
    public static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every string and property name inside {@code node} is
     * {@link #storable(String)}.
     */
    public static boolean storable(JsonNode node) {
        if (node.isString()) {
            return storable(node.stringValue());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!storable(item)) {
                    return false;
                }
            }
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (!storable(property.getKey()) || !storable(property.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The length of a string in characters (code points), as the contract's limits count
     * them.
     */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

}
