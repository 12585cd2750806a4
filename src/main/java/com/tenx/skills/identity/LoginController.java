package com.tenx.skills.identity;

import com.tenx.skills.ratelimit.RateLimiter;
import com.tenx.skills.web.JsonBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private final LoginService login;

    private final RateLimiter rateLimiter;

    private final JsonBodyReader bodies;

    LoginController(LoginService login, RateLimiter rateLimiter, JsonBodyReader bodies) {
        this.login = login;
        this.rateLimiter = rateLimiter;
        this.bodies = bodies;
    }

    /**
     * Counted per client address and email before the password is checked (429 when
     * over).
     */
    @PostMapping("/v2/auth/login")
    TokenResponse login(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest http, HttpServletResponse response) {
        Credentials credentials = bodies.read(body, contentType, Credentials.class);
        rateLimiter.checkLogin(http, response, credentials.email());
        var token = login.login(credentials.email(), credentials.password());
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
    }

    /** A login body. Its {@code toString} never shows the password. */
    record Credentials(@NotNull(message = JsonBodyReader.REQUIRED) String email,
            @NotNull(message = JsonBodyReader.REQUIRED) String password) {

        @Override
        public String toString() {
            return "Credentials[email=" + email + ", password=***]";
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
