package com.tenx.skills.identity;

import com.tenx.skills.ratelimit.RateLimiter;
import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.web.JsonBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /v2/account/password}: the caller changes their own password. */
@RestController
class PasswordController {

    private final AccountService accounts;

    private final RateLimiter rateLimiter;

    private final JsonBodyReader bodies;

    PasswordController(AccountService accounts, RateLimiter rateLimiter, JsonBodyReader bodies) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.bodies = bodies;
    }

    /**
     * The current password is checked as a sign-in is, and counted against the same
     * limits (429 when over), so a stolen token does not open a way to guess it.
     */
    @PutMapping("/v2/account/password")
    ResponseEntity<Void> change(@AuthenticationPrincipal CurrentUser user, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest http, HttpServletResponse response) {
        PasswordChange change = bodies.read(body, contentType, PasswordChange.class);
        rateLimiter.checkLogin(http, response, accounts.email(user.id()));
        accounts.changePassword(user.id(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** A password change body. Its {@code toString} never shows the passwords. */
    record PasswordChange(@NotNull(message = JsonBodyReader.REQUIRED) String currentPassword,
            @NotNull(message = JsonBodyReader.REQUIRED) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

}
