package com.tenx.skills.operations;

import com.tenx.skills.identity.Passwords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Refuses, before any bean is created (so before the database is touched or migrated), a
 * token secret or bootstrap admin password that anyone could know: missing where it is
 * required, a documented example, a placeholder, or too weak. Runs once the environment
 * is complete, including settings that tests add.
 */
class StartupChecks implements ApplicationListener<ApplicationPreparedEvent> {

    static final int MIN_SECRET_BYTES = 32;

    static final int MIN_ADMIN_PASSWORD_BYTES = Passwords.MIN_BYTES;

    static final int MAX_ADMIN_PASSWORD_BYTES = Passwords.MAX_BYTES;

    private static final String MAKE_SECRET = "Set it to a random value of at least " + MIN_SECRET_BYTES
            + " bytes, the same on every instance, e.g. `openssl rand -base64 48`.";

    /** Values shown in this project's documentation and deploy files at some time. */
    private static final Set<String> DOCUMENTED_EXAMPLES = Set
        .of("change-me-to-a-long-random-secret-of-32-bytes-or-more", "change-me-admin-password");

    /** Words that only a value someone meant to replace contains. */
    private static final List<String> PLACEHOLDER_MARKERS = List.of("change-me", "changeme", "change_me", "replace-me",
            "replaceme", "replace-with", "placeholder", "example", "your-secret", "yoursecret", "xxxxx", "${");

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment());
    }

    static void check(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean embedded = url.isEmpty() || url.startsWith("jdbc:h2:");
        String secret = environment.getProperty("skills.jwt.secret", "");
        if (secret.isBlank()) {
            if (!embedded) {
                throw new StartupRefused("SKILLS_JWT_SECRET is not set; a server on PostgreSQL needs the token "
                        + "signing secret that every instance shares.", MAKE_SECRET);
            }
        }
        else {
            checkSecret("SKILLS_JWT_SECRET", secret);
        }
        for (String previous : environment.getProperty("skills.jwt.previous-secrets", String[].class, new String[0])) {
            if (!previous.isBlank()) {
                checkSecret("SKILLS_JWT_PREVIOUS_SECRETS", previous.strip());
            }
        }
        String email = environment.getProperty("skills.bootstrap-admin.email", "");
        String password = environment.getProperty("skills.bootstrap-admin.password", "");
        if (!email.isBlank()) {
            checkAdminPassword(email, password);
        }
    }

    private static void checkSecret(String variable, String secret) {
        String problem = weakness(secret, MIN_SECRET_BYTES, 10);
        if (problem != null) {
            throw new StartupRefused(variable + " " + problem + ", so anyone could sign tokens this server accepts.",
                    MAKE_SECRET);
        }
    }

    private static void checkAdminPassword(String email, String password) {
        String fix = "Set SKILLS_BOOTSTRAP_ADMIN_PASSWORD to a password of " + MIN_ADMIN_PASSWORD_BYTES + " to "
                + MAX_ADMIN_PASSWORD_BYTES + " bytes that nobody else knows, e.g. `openssl rand -base64 18`.";
        if (password.isEmpty()) {
            throw new StartupRefused("SKILLS_BOOTSTRAP_ADMIN_EMAIL is set but SKILLS_BOOTSTRAP_ADMIN_PASSWORD is not.",
                    fix);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_ADMIN_PASSWORD_BYTES) {
            throw new StartupRefused("SKILLS_BOOTSTRAP_ADMIN_PASSWORD is longer than " + MAX_ADMIN_PASSWORD_BYTES
                    + " bytes, more than a password hash reads.", fix);
        }
        // What a value from a deploy file must not be, then the rule every new password
        // follows.
        String problem = weakness(password, MIN_ADMIN_PASSWORD_BYTES, 6);
        if (problem == null) {
            problem = Passwords.problem(password, email);
        }
        if (problem != null) {
            throw new StartupRefused(
                    "SKILLS_BOOTSTRAP_ADMIN_PASSWORD " + problem + ", so anyone could sign in as the platform admin.",
                    fix);
        }
    }

    /** Why a value is not a secret, or {@code null} when nothing is wrong with it. */
    private static String weakness(String value, int minBytes, int minDistinct) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (DOCUMENTED_EXAMPLES.contains(lower)) {
            return "is an example from the documentation";
        }
        for (String marker : PLACEHOLDER_MARKERS) {
            if (lower.contains(marker)) {
                return "is a placeholder (it contains \"" + marker + "\")";
            }
        }
        if (value.startsWith("<") && value.endsWith(">")) {
            return "is a placeholder (written in angle brackets)";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < minBytes) {
            return "is shorter than " + minBytes + " bytes";
        }
        if (value.codePoints().distinct().count() < minDistinct) {
            return "has fewer than " + minDistinct + " different characters";
        }
        return null;
    }

}
