package com.tenx.skills.skill;

import com.tenx.skills.web.JsonInput;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules for a runtime PUT body: first the image ({@code invalid_image_ref}), then
 * every other field at once ({@code invalid_runtime} with one detail per problem).
 */
@Component
class RuntimeValidator {

    static final int MAX_ITEMS = 64;

    static final int MAX_ITEM_LENGTH = 4_096;

    private final JsonMapper json;

    RuntimeValidator(JsonMapper json) {
        this.json = json;
    }

    RuntimeSpec parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        JsonNode image = body.get("imageRef");
        if (image == null || !image.isString() || !ImageRefs.acceptable(image.stringValue())) {
            throw InvalidInput.field(ErrorCode.INVALID_IMAGE_REF, "imageRef",
                    "must be a verified catalog image (catalog/<name>[:<tag>]) or a private ECR image");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String command = strings(body, "command", problems);
        String args = strings(body, "args", problems);
        int cpu = integer(body, "cpu", 256, 16_384, problems);
        int memory = integer(body, "memory", 512, 122_880, problems);
        int idle = integer(body, "idleTimeoutSec", 60, 86_400, problems);
        int maxSession = integer(body, "maxSessionSec", 60, 86_400, problems);
        if (idle > 0 && maxSession > 0 && maxSession < idle) {
            problems.add(new FieldProblem("maxSessionSec", "must be at least idleTimeoutSec"));
        }
        String secrets = strings(body, "secretsRefs", problems);
        String networkPolicy = object(body, "networkPolicy", problems);
        String planGates = object(body, "planGates", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_RUNTIME, problems.get(0).field() + " " + problems.get(0).error()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
        }
        return new RuntimeSpec(image.stringValue(), command, args, cpu, memory, idle, maxSession, secrets,
                networkPolicy, planGates);
    }

    private String strings(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "[]";
        }
        if (!node.isArray() || node.size() > MAX_ITEMS) {
            problems.add(new FieldProblem(field, "must be an array of at most " + MAX_ITEMS + " strings"));
            return null;
        }
        for (JsonNode item : node) {
            if (!item.isString() || JsonInput.length(item.stringValue()) > MAX_ITEM_LENGTH
                    || !JsonInput.storable(item.stringValue())) {
                problems.add(new FieldProblem(field,
                        "items must be strings of at most " + MAX_ITEM_LENGTH + " characters without NUL"));
                return null;
            }
        }
        return json.writeValueAsString(node);
    }

    private String object(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "{}";
        }
        if (!node.isObject() || !JsonInput.storable(node)) {
            problems.add(new FieldProblem(field, "must be a JSON object without NUL characters"));
            return null;
        }
        return json.writeValueAsString(node);
    }

    private static int integer(JsonNode body, String field, int min, int max, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            problems.add(new FieldProblem(field, "is required"));
            return -1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problems.add(new FieldProblem(field, "must be an integer from " + min + " to " + max));
            return -1;
        }
        return node.intValue();
    }

}
