package com.tenx.skills.token;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A personal access token opens no route outside the PAT family, not even one its creator
 * (an OWNER) may call with a session.
 */
class PatOnOtherRoutesTest extends ApiTest {

    @ParameterizedTest
    @CsvSource({ "GET, /v2/handles", "GET, /v2/handles/HANDLE/audit", "PUT, /v2/handles/HANDLE/members/USER",
            "DELETE, /v2/handles/HANDLE/members/USER", "GET, /v2/handles/HANDLE/tokens",
            "POST, /v2/handles/HANDLE/tokens", "DELETE, /v2/handles/HANDLE/tokens/TOKEN",
            "GET, /v2/account/openanalyst/me", "POST, /v2/platform-admin/users",
            "PUT, /v2/platform-admin/tenants/HANDLE", "PUT, /v2/platform-admin/handles/HANDLE" })
    void aPersonalTokenIsInvalidTokenOnEveryOtherRoute(String method, String template) {
        World.Member owner = world.member("OWNER", "growth_tools", "openanalyst");
        Pats.Pat pat = new Pats(api).create(owner, "skills.*");
        String path = template.replace("HANDLE", owner.handle())
            .replace("USER", owner.user().id())
            .replace("TOKEN", pat.tokenId());

        Reply reply = api.call(method, path).token(pat.token()).json(Json.object().put("role", "OWNER")).send();

        assertError(reply, 401, "invalid_token");
    }

    @Test
    void anUnknownRouteOfThePatFamilyIsNotFoundOnlyForAValidToken() {
        World.Member owner = world.creator();
        Pats.Pat pat = new Pats(api).create(owner, "skills.*");
        String links = "/v2/public/handles/" + owner.handle() + "/links";

        assertError(api.get(links).token(pat.token()).send(), 404, "not_found");
        assertError(api.get(links).token(owner.token()).send(), 401, "invalid_token");
        assertThat(api.get(links).send().status()).isEqualTo(401);
    }

}
