package com.tenx.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Logs;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Passwords, tokens and the signing secret never reach the log, at the default level or
 * at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsTest extends ApiTest {

    /**
     * The application's own loggers and Spring's web and security machinery (not Tomcat's
     * wire dumps).
     */
    private static final List<String> VERBOSE = List.of("com.tenx", "org.springframework.web",
            "org.springframework.security", "org.springframework.http");

    @Autowired
    LoggingSystem logging;

    /**
     * Signs in, makes authenticated and failing calls; answers the secrets that were
     * used.
     */
    private List<String> signInAndWork() {
        String email = World.unique("logged") + "@example.com";
        String password = "pw-" + World.unique("never-logged");
        Reply created = api.post("/v2/platform-admin/users")
            .token(world.adminToken())
            .json(Json.object().put("email", email).put("password", password))
            .send();
        assertThat(created.status()).isEqualTo(201);
        String token = world.login(email, password);
        assertThat(api.get("/v2/handles").token(token).send().status()).isEqualTo(200);
        String wrongPassword = password + "-wrong";
        assertThat(api.post("/v2/auth/login")
            .json(Json.object().put("email", email).put("password", wrongPassword))
            .send()
            .status()).isEqualTo(401);
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        assertThat(api.get("/v2/handles").token(tampered).send().status()).isEqualTo(401);
        return List.of(password, wrongPassword, token, tampered.substring(tampered.lastIndexOf('.')),
                token.substring(token.lastIndexOf('.') + 1), World.ADMIN_PASSWORD, world.adminToken(),
                TestSettings.JWT_SECRET);
    }

    @Test
    void noSecretIsLoggedAtTheDefaultLevel(CapturedOutput output) {
        List<String> secrets = signInAndWork();
        Logs.awaitWritten(output);

        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    @Test
    void noSecretIsLoggedAtDebugLevel(CapturedOutput output) {
        VERBOSE.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
        List<String> secrets;
        try {
            secrets = signInAndWork();
            Logs.awaitWritten(output);
        }
        finally {
            VERBOSE.forEach(name -> logging.setLogLevel(name, null));
        }

        assertThat(output.getAll()).contains("/v2/auth/login");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

}
