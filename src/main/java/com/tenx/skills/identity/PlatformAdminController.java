package com.tenx.skills.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users, tenants and handles, managed by platform admins. */
@RestController
@PlatformAdminRoute
@RequestMapping("/v2/platform-admin")
class PlatformAdminController {

    private final AccountService accounts;

    private final TenancyService tenancy;

    PlatformAdminController(AccountService accounts, TenancyService tenancy) {
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    @PostMapping("/users")
    ResponseEntity<UserResponse> createUser(@Valid @RequestBody NewUser request) {
        AccountService.Account user = accounts.create(request.email(), request.password(),
                Boolean.TRUE.equals(request.platformAdmin()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new UserResponse(true, user));
    }

    @PutMapping("/tenants/{tenantId}")
    ResponseEntity<TenantResponse> putTenant(@PathVariable String tenantId, @Valid @RequestBody TenantBody request) {
        TenancyService.Saved<TenancyService.TenantPlan> saved = tenancy.putTenant(tenantId, request.plan(),
                request.features() == null ? List.of() : request.features());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new TenantResponse(true, saved.value()));
    }

    @PutMapping("/handles/{handle}")
    ResponseEntity<HandleResponse> putHandle(@PathVariable String handle, @Valid @RequestBody HandleBody request) {
        TenancyService.Saved<TenancyService.HandleTenant> saved = tenancy.putHandle(handle, request.tenantId());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new HandleResponse(true, saved.value()));
    }

    /** Its {@code toString} (logged by Spring MVC at DEBUG) never shows the password. */
    record NewUser(@NotNull String email, @NotNull String password, Boolean platformAdmin) {

        @Override
        public String toString() {
            return "NewUser[email=" + email + ", password=***, platformAdmin=" + platformAdmin + "]";
        }
    }

    record TenantBody(@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String plan,
            @Size(max = 64) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String> features) {
    }

    record HandleBody(@NotNull String tenantId) {
    }

    record UserResponse(boolean ok, AccountService.Account user) {
    }

    record TenantResponse(boolean ok, TenancyService.TenantPlan tenant) {
    }

    record HandleResponse(boolean ok, TenancyService.HandleTenant handle) {
    }

}
