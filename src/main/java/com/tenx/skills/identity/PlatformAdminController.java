package com.tenx.skills.identity;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.web.JsonBodyReader;
import com.tenx.skills.web.JsonFields;
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
        JsonFields fields = JsonFields.of(bodies.read(body, contentType));
        String email = fields.string("email", true);
        String password = fields.string("password", true);
        Boolean platformAdmin = fields.bool("platformAdmin");
        fields.throwProblems(ErrorCode.INVALID_REQUEST);
        AccountService.Account user = accounts.create(email, password, Boolean.TRUE.equals(platformAdmin));
        return ResponseEntity.status(HttpStatus.CREATED).body(new UserResponse(true, user));
    }

    @PutMapping("/tenants/{tenantId}")
    ResponseEntity<TenantResponse> putTenant(@PathVariable String tenantId, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        JsonFields fields = JsonFields.of(bodies.read(body, contentType));
        String plan = fields.string("plan", true);
        List<String> features = fields.strings("features", TenancyService.MAX_FEATURES);
        fields.throwProblems(ErrorCode.INVALID_REQUEST);
        TenancyService.Saved<TenancyService.TenantPlan> saved = tenancy.putTenant(tenantId, plan,
                features == null ? List.of() : features);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new TenantResponse(true, saved.value()));
    }

    @PutMapping("/handles/{handle}")
    ResponseEntity<HandleResponse> putHandle(@PathVariable String handle, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        JsonFields fields = JsonFields.of(bodies.read(body, contentType));
        String tenantId = fields.string("tenantId", true);
        fields.throwProblems(ErrorCode.INVALID_REQUEST);
        TenancyService.Saved<TenancyService.HandleTenant> saved = tenancy.putHandle(handle, tenantId);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new HandleResponse(true, saved.value()));
    }

    record UserResponse(boolean ok, AccountService.Account user) {
    }

    record TenantResponse(boolean ok, TenancyService.TenantPlan tenant) {
    }

    record HandleResponse(boolean ok, TenancyService.HandleTenant handle) {
    }

}
