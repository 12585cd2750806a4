package com.tenx.skills.skill;

import com.tenx.skills.web.JsonFields;
import com.tenx.skills.web.JsonInput;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
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
        JsonFields fields = JsonFields.of(body);
        JsonNode image = body.get("imageRef");
        if (image == null || !image.isString() || !ImageRefs.acceptable(image.stringValue())) {
            throw InvalidInput.field(ErrorCode.INVALID_IMAGE_REF, "imageRef",
                    "must be a verified catalog image (catalog/<name>[:<tag>]) or a private ECR image");
        }
        String command = strings(body, "command", fields);
        String args = strings(body, "args", fields);
        int cpu = integer(body, "cpu", 256, 16_384, fields);
        int memory = integer(body, "memory", 512, 122_880, fields);
        int idle = integer(body, "idleTimeoutSec", 60, 86_400, fields);
        int maxSession = integer(body, "maxSessionSec", 60, 86_400, fields);
        if (idle > 0 && maxSession > 0 && maxSession < idle) {
            fields.problem("maxSessionSec", "must be at least idleTimeoutSec");
        }
        String secrets = strings(body, "secretsRefs", fields);
        String networkPolicy = object(body, "networkPolicy", fields);
        String planGates = object(body, "planGates", fields);
        // The read-only fields a client echoes back from a GET: unused, but typed.
        fields.ignoredString("handle");
        fields.ignoredString("skillKey");
        fields.throwProblems(ErrorCode.INVALID_RUNTIME);
        return new RuntimeSpec(image.stringValue(), command, args, cpu, memory, idle, maxSession, secrets,
                networkPolicy, planGates);
    }

    private String strings(JsonNode body, String field, JsonFields problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "[]";
        }
        if (!node.isArray() || node.size() > MAX_ITEMS) {
            problems.problem(field, "must be an array of at most " + MAX_ITEMS + " strings");
            return null;
        }
        for (JsonNode item : node) {
            if (!item.isString() || JsonInput.length(item.stringValue()) > MAX_ITEM_LENGTH
                    || !JsonInput.storable(item.stringValue())) {
                problems.problem(field,
                        "items must be strings of at most " + MAX_ITEM_LENGTH + " characters without NUL");
                return null;
            }
        }
        return json.writeValueAsString(node);
    }

    private String object(JsonNode body, String field, JsonFields problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "{}";
        }
        if (!node.isObject() || !JsonInput.storable(node)) {
            problems.problem(field, "must be a JSON object without NUL characters");
            return null;
        }
        return json.writeValueAsString(node);
    }

    private static int integer(JsonNode body, String field, int min, int max, JsonFields problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            problems.problem(field, "is required");
            return -1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problems.problem(field, "must be an integer from " + min + " to " + max);
            return -1;
        }
        return node.intValue();
    }

}
