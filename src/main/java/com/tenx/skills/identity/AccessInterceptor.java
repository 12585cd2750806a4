package com.tenx.skills.identity;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.security.CurrentUser;
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
 */
class AccessInterceptor implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String GRANT = HandleGrant.class.getName();

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
        HandleRoute route = method.getMethodAnnotation(HandleRoute.class);
        if (route != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> path = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String handle = path == null ? null : path.get("handle");
            request.setAttribute(GRANT, access.check(currentUser(), handle, route, RequestIds.of(request)));
        }
        else if (method.getBeanType().isAnnotationPresent(PlatformAdminRoute.class)) {
            access.requirePlatformAdmin(currentUser());
        }
        return true;
    }

    private static CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw new ContractException(ErrorCode.MISSING_BEARER_TOKEN, "This route needs a bearer token.");
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
