package com.tenx.skills.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, passing over every route whose literal start cannot be the
 * request's. A path with a variable in it has no direct entry, so Spring tries every
 * route's whole condition in turn (methods, parameters, headers, media types, then the
 * path), and on the hottest routes that was a twelfth of the request's CPU. Here a route
 * is first held against its patterns' literal prefixes, the text before the first
 * variable or wildcard ({@code /v2/handles/} for {@code /v2/handles/{handle}/skills}),
 * which a path matching the pattern must start with; only a route that passes is tried as
 * before.
 * <p>
 * A route passed over is one Spring would have found not to match, so what matches, which
 * match wins and every 404, 405 and 415 are as they were (those answers come from
 * {@code handleNoMatch}, which looks at every route itself). A path with a percent sign
 * is looked up as Spring does, untouched: a pattern's literal is compared with the
 * decoded segment. So is a route registered without prefixes.
 */
final class PrefixedRouteLookup extends RequestMappingHandlerMapping {

    private static final String[] ANY = {};

    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    private final ThreadLocal<String> plainPath = new ThreadLocal<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        this.prefixes.put(mapping, literalPrefixes(mapping));
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        this.plainPath.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        finally {
            this.plainPath.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = this.plainPath.get();
        if (path != null && !startsWithAny(path, this.prefixes.getOrDefault(info, ANY))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] prefixes) {
        if (prefixes.length == 0) {
            return true; // nothing known: let Spring decide
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The literal start of each pattern, or none (every path may match) when a pattern
     * has no literal start or the route is matched otherwise than by path patterns.
     */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return ANY;
        }
        String[] result = new String[condition.getPatterns().size()];
        int i = 0;
        for (PathPattern pattern : condition.getPatterns()) {
            String prefix = literalPrefix(pattern.getPatternString());
            if (prefix.length() <= 1) {
                return ANY;
            }
            result[i++] = prefix;
        }
        return result;
    }

    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

}
