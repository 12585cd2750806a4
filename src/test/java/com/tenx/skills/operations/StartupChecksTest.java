package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The configurations the server refuses to run with, before it touches the database. */
class StartupChecksTest {

    private static final String POSTGRES = "jdbc:postgresql://db:5432/skills";

    private static final String STRONG_SECRET = "q3J8vX0pLr5tZ2wN7bK4mC9yH6fD1sGa";

    private static MockEnvironment on(String url) {
        return new MockEnvironment().withProperty("spring.datasource.url", url);
    }

    @Test
    void postgresWithoutASecretIsRefused() {
        assertThatThrownBy(() -> StartupChecks.check(on(POSTGRES))).isInstanceOf(StartupRefused.class)
            .hasMessageContaining("SKILLS_JWT_SECRET is not set")
            .extracting(e -> ((StartupRefused) e).action())
            .asString()
            .contains("openssl rand");
    }

    @Test
    void theEmbeddedDatabaseMayGoWithoutASecret() {
        assertThatCode(() -> StartupChecks.check(on("jdbc:h2:file:./data/skills"))).doesNotThrowAnyException();
    }

    @Test
    void aDocumentedExampleSecretIsRefusedWithoutRepeatingIt() {
        String example = "change-me-to-a-long-random-secret-of-32-bytes-or-more";
        assertThatThrownBy(() -> StartupChecks.check(on(POSTGRES).withProperty("skills.jwt.secret", example)))
            .isInstanceOf(StartupRefused.class)
            .hasMessageStartingWith("SKILLS_JWT_SECRET is an example")
            .message()
            .doesNotContain(example);
    }

    @Test
    void placeholderSecretsAreRefused() {
        for (String placeholder : new String[] { "please-replace-me-with-something-long-and-random",
                "<a random value of at least thirty-two bytes>", "my-placeholder-signing-key-for-the-control-plane" }) {
            assertThatThrownBy(() -> StartupChecks.check(on(POSTGRES).withProperty("skills.jwt.secret", placeholder)))
                .as(placeholder)
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("placeholder");
        }
    }

    @Test
    void shortOrRepetitiveSecretsAreRefused() {
        assertThatThrownBy(() -> StartupChecks.check(on(POSTGRES).withProperty("skills.jwt.secret", "q3J8vX0pLr5t")))
            .hasMessageContaining("shorter than 32 bytes");
        assertThatThrownBy(() -> StartupChecks
            .check(on(POSTGRES).withProperty("skills.jwt.secret", "abababababababababababababababababab")))
            .hasMessageContaining("fewer than 10 different characters");
    }

    @Test
    void aWeakPreviousSecretIsRefusedToo() {
        assertThatThrownBy(() -> StartupChecks.check(on(POSTGRES).withProperty("skills.jwt.secret", STRONG_SECRET)
            .withProperty("skills.jwt.previous-secrets", "short")))
            .hasMessageStartingWith("SKILLS_JWT_PREVIOUS_SECRETS");
    }

    @Test
    void aStrongSecretAndAdminPasswordPass() {
        assertThatCode(() -> StartupChecks.check(on(POSTGRES).withProperty("skills.jwt.secret", STRONG_SECRET)
            .withProperty("skills.bootstrap-admin.email", "ops@corp.test")
            .withProperty("skills.bootstrap-admin.password", "Vt4-kq9Lm2xZ"))).doesNotThrowAnyException();
    }

    @Test
    void weakBootstrapAdminPasswordsAreRefused() {
        for (String weak : new String[] { "change-me-admin-password", "short-pw", "ops@corp.test", "aaaaaaaaaaaaaaaa",
                "example-admin-password" }) {
            assertThatThrownBy(() -> StartupChecks.check(on(POSTGRES).withProperty("skills.jwt.secret", STRONG_SECRET)
                .withProperty("skills.bootstrap-admin.email", "ops@corp.test")
                .withProperty("skills.bootstrap-admin.password", weak))).as(weak)
                .isInstanceOf(StartupRefused.class)
                .hasMessageStartingWith("SKILLS_BOOTSTRAP_ADMIN_PASSWORD");
        }
    }

    @Test
    void anAdminEmailWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> StartupChecks
            .check(on("jdbc:h2:mem:x").withProperty("skills.bootstrap-admin.email", "ops@corp.test")))
            .hasMessage("SKILLS_BOOTSTRAP_ADMIN_EMAIL is set but SKILLS_BOOTSTRAP_ADMIN_PASSWORD is not.");
    }

}
