package com.tenx.skills.identity;

import static com.tenx.skills.support.Errors.assertDetail;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.AcrossInstances;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code PUT /v2/account/password}: a changed password ends every token issued before it
 * on every instance, and the current password is checked like a sign-in.
 */
class PasswordChangeTest extends ApiTest {

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    private static Reply change(Api api, String token, Object body) {
        return api.put("/v2/account/password").token(token).json(body).send();
    }

    private static Reply change(Api api, World.User user, String current, String replacement) {
        return change(api, user.token(), Json.object().put("currentPassword", current).put("newPassword", replacement));
    }

    private static int handles(Api api, String token) {
        return api.get("/v2/handles").token(token).send().status();
    }

    @Test
    void oldTokensAreRefusedOnEveryInstanceAndANewSignInWorks() {
        World.User user = world.user();
        assertThat(handles(api, user.token())).isEqualTo(200);
        assertThat(handles(second.api(), user.token())).isEqualTo(200);

        assertThat(change(api, user, user.password(), "a-new-password-123").status()).isEqualTo(204);

        assertError(api.get("/v2/handles").token(user.token()).send(), 401, "invalid_token");
        assertError(AcrossInstances.once(401, () -> second.api().get("/v2/handles").token(user.token()).send()), 401,
                "invalid_token");

        String fresh = world.login(user.email(), "a-new-password-123");
        assertThat(handles(api, fresh)).isEqualTo(200);
        assertThat(handles(second.api(), fresh)).isEqualTo(200);
        assertError(api.post("/v2/auth/login")
            .json(Json.object().put("email", user.email()).put("password", user.password()))
            .send(), 401, "invalid_credentials");
    }

    @Test
    void aWrongCurrentPasswordIs403AndChangesNothing() {
        World.User user = world.user();

        Reply reply = change(api, user, "not-the-password", "a-new-password-123");

        assertError(reply, 403, "invalid_credentials");
        assertThat(reply.header("WWW-Authenticate")).isNull();
        assertThat(handles(api, user.token())).isEqualTo(200);
        assertThat(world.login(user.email(), user.password())).isNotBlank();
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedSignIns() {
        try (ConfigurableApplicationContext limited = SecondServer.start(TestDatabase.get(),
                "--skills.rate-limit.login.capacity=3", "--skills.rate-limit.login.period=1h")) {
            Api api = new Api(SecondServer.portOf(limited));
            World.User user = new World(api).user();
            for (int i = 0; i < 2; i++) {
                assertError(change(api, user, "wrong-password-" + i, "a-new-password-123"), 403, "invalid_credentials");
            }

            assertError(change(api, user, "wrong-password", "a-new-password-123"), 429, "rate_limited");
            assertError(api.post("/v2/auth/login")
                .json(Json.object().put("email", user.email()).put("password", user.password()))
                .send(), 429, "rate_limited");
        }
    }

    @Test
    void newPasswordsAre12To72BytesInUtf8() {
        World.User user = world.user();

        assertDetail(assertBadRequest(change(api, user, user.password(), "eleven-byte")), "newPassword");
        assertDetail(assertBadRequest(change(api, user, user.password(), "x".repeat(73))), "newPassword");
        // 25 characters, but 75 bytes in UTF-8.
        assertDetail(assertBadRequest(change(api, user, user.password(), "€".repeat(25))), "newPassword");
        assertThat(handles(api, user.token())).isEqualTo(200);

        // 4 characters, 12 bytes.
        assertThat(change(api, user, user.password(), "€".repeat(4)).status()).isEqualTo(204);
        String token = world.login(user.email(), "€".repeat(4));
        World.User changed = new World.User(user.id(), user.email(), "€".repeat(4), token);
        assertThat(change(api, changed, "€".repeat(4), "y".repeat(72)).status()).isEqualTo(204);
        assertThat(world.login(user.email(), "y".repeat(72))).isNotBlank();
    }

    @Test
    void theNewPasswordIsNotTheEmailInAnySpelling() {
        World.User user = world.user();
        String shouted = " " + user.email().toUpperCase(Locale.ROOT) + " ";
        String fullWidthE = user.email().replace("e", "\uff45");

        assertDetail(assertBadRequest(change(api, user, user.password(), user.email())), "newPassword");
        assertDetail(assertBadRequest(change(api, user, user.password(), shouted)), "newPassword");
        assertDetail(assertBadRequest(change(api, user, user.password(), fullWidthE)), "newPassword");
        assertThat(world.login(user.email(), user.password())).isNotBlank();
    }

    @Test
    void missingOrWronglyTypedFieldsAre400WithTheField() {
        World.User user = world.user();

        assertDetail(assertBadRequest(change(api, user.token(), Json.object().put("newPassword", "a-new-password-1"))),
                "currentPassword");
        assertDetail(
                assertBadRequest(change(api, user.token(),
                        Json.object().put("currentPassword", user.password()).put("newPassword", 123456789012L))),
                "newPassword");
        assertDetail(assertBadRequest(change(api, user.token(),
                Json.object().put("currentPassword", user.password()).putNull("newPassword"))), "newPassword");
        assertDetail(assertBadRequest(change(api, user.token(),
                Json.object()
                    .set("currentPassword", Json.array().add(user.password()))
                    .put("newPassword", "a-new-password-1"))),
                "currentPassword");
        assertError(change(api, user.token(), Json.array()), 400, "invalid_request");
        assertThat(handles(api, user.token())).isEqualTo(200);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.put("/v2/account/password")
            .json(Json.object().put("currentPassword", "whatever-it-is").put("newPassword", "a-new-password-1"))
            .send(), 401, "missing_bearer_token");
    }

    private static Reply assertBadRequest(Reply reply) {
        assertError(reply, 400, "invalid_request");
        return reply;
    }

}
