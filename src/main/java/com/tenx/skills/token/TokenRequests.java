package com.tenx.skills.token;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.web.JsonFields;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a token request body as every body is read ({@link JsonFields}): strict JSON
 * types, so a number where a string belongs (or the reverse, or a fraction of a day) is
 * {@code invalid_request} naming the field, never coerced. Unknown fields are ignored.
 */
final class TokenRequests {

    /** More scopes than there are is a mistake, whatever they are. */
    private static final int MAX_SCOPES = 16;

    private TokenRequests() {
    }

    static PersonalTokenService.NewToken parse(JsonFields fields) {
        String name = fields.string("name", false);
        List<String> scopes = fields.strings("scopes", MAX_SCOPES);
        Integer days = null;
        JsonNode daysNode = fields.node("expiresInDays");
        if (daysNode != null) {
            if (daysNode.isIntegralNumber()) {
                days = daysNode.canConvertToInt() ? daysNode.intValue() : Integer.MAX_VALUE;
            }
            else {
                fields.problem("expiresInDays", "must be a whole number of days");
            }
        }
        fields.throwProblems(ErrorCode.INVALID_REQUEST);
        return new PersonalTokenService.NewToken(name, scopes, days);
    }

}
