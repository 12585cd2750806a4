package com.tenx.skills.web;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every JSON request body, in the handler after the path has been checked, as the
 * order of checks wants: {@code 415} for a body that is not JSON, {@code invalid_json}
 * for one that does not parse.
 */
@Component
public class JsonBodyReader {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    private static final Pattern JSON_TYPE = Pattern.compile("(?i)[ \\t]*application/json(?:[ \\t]*;[ \\t]*" + TOKEN
            + "=(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))*[ \\t]*");

    private final JsonMapper json;

    public JsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    /** The parsed body, or {@code null} when there is none. */
    public JsonNode read(byte[] body, String contentType) {
        if (body == null || isBlank(body)) {
            return null;
        }
        if (!isJson(contentType)) {
            throw new ContractException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException e) {
            throw new ContractException(ErrorCode.INVALID_JSON, "The request body is not valid JSON.");
        }
    }

    /**
     * {@code application/json} with well-formed parameters (RFC 9110's media-type
     * grammar), as the API description says: not a wildcard, not another {@code +json}
     * type whose rules this server does not follow, not an empty parameter.
     */
    private static boolean isJson(String contentType) {
        return contentType != null && JSON_TYPE.matcher(contentType).matches();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

}
