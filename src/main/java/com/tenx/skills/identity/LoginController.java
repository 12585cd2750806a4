package com.tenx.skills.identity;

import com.tenx.skills.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private final LoginService login;

    private final RateLimiter rateLimiter;

    LoginController(LoginService login, RateLimiter rateLimiter) {
        this.login = login;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Counted per client address and email before the password is checked (429 when
     * over).
     */
    @PostMapping("/v2/auth/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http,
            HttpServletResponse response) {
        rateLimiter.checkLogin(http, response, request.email());
        var token = login.login(request.email(), request.password());
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
    }

    /** Its {@code toString} (logged by Spring MVC at DEBUG) never shows the password. */
    record LoginRequest(@NotNull String email, @NotNull String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***]";
        }
    }

    /** Its {@code toString} (logged by Spring MVC at DEBUG) never shows the token. */
    record TokenResponse(String accessToken, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

}
