package com.tenx.skills.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private final LoginService login;

    LoginController(LoginService login) {
        this.login = login;
    }

    @PostMapping("/v2/auth/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
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
