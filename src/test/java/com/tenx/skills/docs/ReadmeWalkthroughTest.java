package com.tenx.skills.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tenx.skills.SkillsApplication;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's walk-through runs as pasted and answers what the README shows: its shell
 * blocks run in order in one bash process against a server on PostgreSQL, started with a
 * bootstrap admin as the quick start says, and each block's output is compared with the
 * answer block after it.
 */
class ReadmeWalkthroughTest {

    private static final Path README = Path.of("README.md");

    /** The address the README's commands use; they are pointed at the test server. */
    private static final String README_BASE = "http://localhost:8080";

    private static final List<String> TOOLS = List.of("curl", "jq", "awk", "tr");

    private static final String ADMIN_EMAIL = "admin@example.com";

    private static final String ADMIN_PASSWORD = randomPassword();

    private static ConfigurableApplicationContext server;

    @BeforeAll
    static void start() {
        List<String> missing = Shell.missing(TOOLS);
        if (!missing.isEmpty()) {
            fail("The README walk-through runs in bash with curl and jq, and this machine lacks: "
                    + String.join(", ", missing)
                    + ". Install what is missing (Debian/Ubuntu: sudo apt-get install bash curl jq; "
                    + "macOS: brew install bash curl jq) and run the tests again.");
        }
        Map<String, String> settings = new LinkedHashMap<>(TestSettings.properties(TestDatabase.get()));
        settings.put("skills.bootstrap-admin.email", ADMIN_EMAIL);
        settings.put("skills.bootstrap-admin.password", ADMIN_PASSWORD);
        settings.put("server.port", "0");
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        server = new SpringApplicationBuilder(SkillsApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void walkthroughAnswersWhatTheReadmeShows(@TempDir Path home) {
        List<Walkthrough.Step> steps = Walkthrough.read(README);
        assertThat(steps).as("shell blocks of the README's walk-through").isNotEmpty();
        String base = "http://127.0.0.1:" + SecondServer.portOf(server);
        List<String> commands = steps.stream().map((step) -> step.command().replace(README_BASE, base)).toList();
        assertThat(String.join("\n", commands)).as("the walk-through must call the server at " + README_BASE)
            .contains(base);

        Shell shell = new Shell(Map.of("HOME", home.toString(), "LANG", "C.UTF-8", "SKILLS_BOOTSTRAP_ADMIN_EMAIL",
                ADMIN_EMAIL, "SKILLS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD), home);
        List<String> printed = shell.run(commands, Duration.ofSeconds(90));

        Answers answers = new Answers();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Walkthrough.Step step = steps.get(i);
            String disagreement = answers.disagreement(step.answer() == null ? null : step.answer().text(),
                    printed.get(i));
            if (disagreement != null) {
                problems.add("README.md line " + step.line() + ": " + step.title() + "\n" + disagreement);
            }
        }
        if (!problems.isEmpty()) {
            fail("README.md and the server disagree on %d of the walk-through's %d commands "
                    + "(- what README.md shows, + what the command printed; volatile values masked):%n%n%s",
                    problems.size(), steps.size(), String.join("\n\n", problems));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

}
