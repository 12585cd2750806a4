package com.tenx.skills.identity;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.security.PersonalTokenUser;
import com.tenx.skills.security.Scope;
import com.tenx.skills.web.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one place where handle and platform-admin routes are authorised: before any
 * argument is resolved, so the role and feature checks precede key and body validation.
 * The resulting {@link HandleGrant} is handed to the handler as an argument.
 * <p>
 * The same handlers serve two families: {@code /v2/handles/{handle}/...} for
 * control-plane access tokens and {@code /v2/public/handles/{handle}/...} for personal
 * access tokens. The family is the path pattern Spring MVC matched; a caller
 * authenticated for the other family is {@code invalid_token} (the security filter
 * already refuses that; this keeps it so whatever the paths look like). On the PAT family
 * the token's scope is checked before the role.
 */
class AccessInterceptor implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String GRANT = HandleGrant.class.getName();

    static final String PAT_FAMILY_PREFIX = "/v2/public/";

    private final HandleAccess access;

    AccessInterceptor(HandleAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(GRANT) != null) {
            return true; // a held request's answer: checked when it came in
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        boolean patFamily = pattern != null && pattern.toString().startsWith(PAT_FAMILY_PREFIX);
        Object principal = principal();
        if (principal instanceof PersonalTokenUser && !patFamily) {
            throw wrongFamily();
        }
        HandleRoute route = method.getMethodAnnotation(HandleRoute.class);
        if (route != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> path = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String handle = path == null ? null : path.get("handle");
            HandleGrant grant;
            if (patFamily) {
                PersonalTokenUser token = principal instanceof PersonalTokenUser t ? t : null;
                if (token == null) {
                    throw principal == null ? missing() : wrongFamily();
                }
                requireScope(token, route);
                grant = access.check(token, handle, route, RequestIds.of(request));
            }
            else {
                grant = access.check(currentUser(principal), handle, route, RequestIds.of(request));
            }
            request.setAttribute(GRANT, grant);
        }
        else if (method.getBeanType().isAnnotationPresent(PlatformAdminRoute.class)) {
            access.requirePlatformAdmin(currentUser(principal));
        }
        return true;
    }

    private static void requireScope(PersonalTokenUser token, HandleRoute route) {
        if (route.scope().length == 0) {
            throw AccessDenied.insufficientScope("none (this route takes no personal access token)");
        }
        for (Scope scope : route.scope()) {
            if (!token.allows(scope)) {
                throw AccessDenied.insufficientScope(scope.wire());
            }
        }
    }

    private static Object principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }

    private static CurrentUser currentUser(Object principal) {
        if (principal instanceof CurrentUser user) {
            return user;
        }
        throw principal instanceof PersonalTokenUser ? wrongFamily() : missing();
    }

    private static ContractException missing() {
        return new ContractException(ErrorCode.MISSING_BEARER_TOKEN, "This route needs a bearer token.");
    }

    private static ContractException wrongFamily() {
        return new ContractException(ErrorCode.INVALID_TOKEN, "This route does not take this kind of bearer token.");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == HandleGrant.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object grant = request.getAttribute(GRANT, NativeWebRequest.SCOPE_REQUEST);
        if (grant == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a HandleGrant but has no @HandleRoute");
        }
        return grant;
    }

}
