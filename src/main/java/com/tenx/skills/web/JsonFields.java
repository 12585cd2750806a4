package com.tenx.skills.web;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The fields of a JSON object body, read with strict types: a field is either absent (or
 * {@code null}, which counts as absent) or of its JSON type exactly, never coerced (no
 * number for a string, no string for a number, no single value for an array). Every
 * request body of the server is read through this class, so one rule covers all of them;
 * the rules of each body (lengths, patterns, enums) sit in its own validator, which adds
 * its problems here. Problems are collected, so a client learns every wrong field at
 * once.
 */
public final class JsonFields {

    private final JsonNode body;

    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /**
     * The fields of {@code body} as {@link JsonBodyReader} read it: no body counts as
     * {@code {}}; anything but an object is {@code 400 invalid_request}.
     */
    public static JsonFields of(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new JsonFields(JsonNodeFactory.instance.objectNode());
        }
        if (!body.isObject()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        return new JsonFields(body);
    }

    /** Whether the field is present and not {@code null}. */
    public boolean has(String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull();
    }

    /** The field's value as sent; {@code null} when absent. */
    public JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /**
     * A string field; {@code null} when absent (a problem if {@code required}) or of
     * another type (a problem). A string the database could not store (NUL, an unpaired
     * surrogate) is a problem too.
     */
    public String string(String field, boolean required) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            problem(field, "must be a string");
            return null;
        }
        if (!JsonInput.storable(node.stringValue())) {
            problem(field, "must not contain NUL characters or unpaired surrogates");
            return null;
        }
        return node.stringValue();
    }

    /** A boolean field; {@code null} when absent or of another type (a problem). */
    public Boolean bool(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            problem(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /**
     * An array of strings; {@code null} when absent, not an array, longer than
     * {@code maxItems}, or holding anything but storable strings (each a problem, the
     * items named {@code field[i]}).
     */
    public List<String> strings(String field, int maxItems) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problem(field, "must be an array of strings");
            return null;
        }
        if (node.size() > maxItems) {
            problem(field, "must have at most " + maxItems + " items");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || !JsonInput.storable(item.stringValue())) {
                problem(field + "[" + i + "]", "must be a string without NUL characters");
                return null;
            }
            values.add(item.stringValue());
        }
        return values;
    }

    /**
     * Checks the type of a field the request does not use (a read-only field echoed back,
     * an alias that another field overrides): it may be absent, but not of another type.
     */
    public void ignoredString(String field) {
        JsonNode node = node(field);
        if (node != null && !node.isString()) {
            problem(field, "must be a string");
        }
    }

    public void problem(String field, String error) {
        problems.add(new FieldProblem(field, error));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * Throws {@code code} with every problem in {@code details} when there is any; the
     * message names the first.
     */
    public void throwProblems(ErrorCode code) {
        if (problems.isEmpty()) {
            return;
        }
        FieldProblem first = problems.get(0);
        throw new InvalidInput(code, first.field() + " " + first.error()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
    }

}
