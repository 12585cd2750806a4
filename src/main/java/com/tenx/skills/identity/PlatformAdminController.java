package com.tenx.skills.identity;

import com.tenx.skills.web.JsonBodyReader;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users, tenants and handles, managed by platform admins. */
@RestController
@PlatformAdminRoute
@RequestMapping("/v2/platform-admin")
class PlatformAdminController {

    private final AccountService accounts;

    private final TenancyService tenancy;

    private final JsonBodyReader bodies;

    PlatformAdminController(AccountService accounts, TenancyService tenancy, JsonBodyReader bodies) {
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.bodies = bodies;
    }

    @PostMapping("/users")
    ResponseEntity<UserResponse> createUser(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        NewUser user = bodies.read(body, contentType, NewUser.class);
        AccountService.Account created = accounts.create(user.email(), user.password(),
                Boolean.TRUE.equals(user.platformAdmin()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new UserResponse(true, created));
    }

    @PutMapping("/tenants/{tenantId}")
    ResponseEntity<TenantResponse> putTenant(@PathVariable String tenantId, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        TenantBody tenant = bodies.read(body, contentType, TenantBody.class);
        TenancyService.Saved<TenancyService.TenantPlan> saved = tenancy.putTenant(tenantId, tenant.plan(),
                tenant.features() == null ? List.of() : tenant.features());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new TenantResponse(true, saved.value()));
    }

    @PutMapping("/handles/{handle}")
    ResponseEntity<HandleResponse> putHandle(@PathVariable String handle, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        TenancyService.Saved<TenancyService.HandleTenant> saved = tenancy.putHandle(handle,
                bodies.read(body, contentType, HandleBody.class).tenantId());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new HandleResponse(true, saved.value()));
    }

    /** A new user's body. Its {@code toString} never shows the password. */
    record NewUser(@NotNull(message = JsonBodyReader.REQUIRED) String email,
            @NotNull(message = JsonBodyReader.REQUIRED) String password, Boolean platformAdmin) {

        @Override
        public String toString() {
            return "NewUser[email=" + email + ", password=***, platformAdmin=" + platformAdmin + "]";
        }
    }

    /** A tenant's body: its plan and the plan's features. */
    record TenantBody(
            @NotNull(message = JsonBodyReader.REQUIRED) @Pattern(regexp = PLAN, message = PLAN_RULE) String plan,
            @Size(max = TenancyService.MAX_FEATURES,
                    message = JsonBodyReader.AT_MOST_ITEMS) List<@Pattern(regexp = FEATURE,
                            message = FEATURE_RULE) String> features) {

        static final String PLAN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

        static final String PLAN_RULE = "must be 1-64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit";

        static final String FEATURE = "[a-z][a-z0-9_]{0,63}";

        static final String FEATURE_RULE = "must be 1-64 characters of a-z, 0-9 and '_', starting with a letter";

    }

    /** A handle's body: the tenant it belongs to. */
    record HandleBody(@NotNull(message = JsonBodyReader.REQUIRED) String tenantId) {
    }

    record UserResponse(boolean ok, AccountService.Account user) {
    }

    record TenantResponse(boolean ok, TenancyService.TenantPlan tenant) {
    }

    record HandleResponse(boolean ok, TenancyService.HandleTenant handle) {
    }

}
