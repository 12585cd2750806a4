package com.tenx.skills.token;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a token request body with strict JSON types: a number where a string belongs (or
 * the reverse, or a fraction of a day) is {@code invalid_request} naming the field, never
 * coerced. Unknown fields are ignored.
 */
final class TokenRequests {

    private TokenRequests() {
    }

    static PersonalTokenService.NewToken parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = null;
        JsonNode nameNode = body.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (nameNode.isString()) {
                name = nameNode.stringValue();
            }
            else {
                problems.add(new FieldProblem("name", "must be a string"));
            }
        }
        List<String> scopes = null;
        JsonNode scopesNode = body.get("scopes");
        if (scopesNode != null && !scopesNode.isNull()) {
            if (scopesNode.isArray() && scopesNode.valueStream().allMatch(JsonNode::isString)) {
                scopes = scopesNode.valueStream().map(JsonNode::stringValue).toList();
            }
            else {
                problems.add(new FieldProblem("scopes", "must be an array of strings"));
            }
        }
        Integer days = null;
        JsonNode daysNode = body.get("expiresInDays");
        if (daysNode != null && !daysNode.isNull()) {
            if (daysNode.isIntegralNumber() && daysNode.canConvertToInt()) {
                days = daysNode.intValue();
            }
            else if (daysNode.isIntegralNumber()) {
                days = Integer.MAX_VALUE;
            }
            else {
                problems.add(new FieldProblem("expiresInDays", "must be a whole number of days"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The token request is not valid.", problems);
        }
        return new PersonalTokenService.NewToken(name, scopes, days);
    }

}
