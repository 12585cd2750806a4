package com.tenx.skills.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, holding each route against the request's path first. A
 * path with a variable in it has no direct entry, so Spring tries every route's whole
 * condition in turn, the path last: methods, parameters (which parses the query string),
 * headers and media types of every route come first, and on the hottest routes that was a
 * twelfth of the request's CPU. Here a route whose path patterns cannot match the path is
 * passed over at once, by the same {@link PathPattern#matches} Spring would call last;
 * only a route whose path matches is tried as before.
 * <p>
 * A route is passed over only where Spring's own condition would have found it not to
 * match (a request mapping matches only if every condition does), so what matches, which
 * match wins and every 404, 405 and 415 are as they were: those answers come from
 * {@code handleNoMatch}, which looks at every route itself.
 */
final class PathFirstRouteLookup extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns != null && !anyMatches(patterns, request)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean anyMatches(PathPatternsRequestCondition patterns, HttpServletRequest request) {
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        for (PathPattern pattern : patterns.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

}
