package com.tenx.skills.text;

/**
 * The characters a request may carry in header and parameter names and values: every code
 * point assigned and none a control character, except a tab in a header value. These are
 * Spring Security's {@code StrictHttpFirewall} defaults, tested by a loop over the code
 * points instead of its regular expressions: the firewall applies them on every read of a
 * header or parameter, which Spring MVC's route matching does several times per request.
 */
public final class SafeCharacters {

    private SafeCharacters() {
    }

    /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}: any name, and a parameter value. */
    public static boolean inNameOrParameter(String value) {
        return allowed(value, false);
    }

    /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: a header value. */
    public static boolean inHeaderValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String value, boolean tab) {
        for (int i = 0; i < value.length();) {
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

}
