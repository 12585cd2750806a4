package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.support.Logs;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator reads when the server cannot start: one line naming the problem and
 * the fix, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void aMissingDatabaseNamesTheCommandThatCreatesIt(CapturedOutput output) {
        String url = TestDatabase.get().url().replaceFirst("/[^/?]+(\\?|$)", "/skills_absent_db$1");

        assertThatThrownBy(() -> start("spring.datasource.url=" + url)).isNotNull();

        String line = reportLine(output);
        assertThat(line).contains("The database \\\"skills_absent_db\\\" does not exist")
            .contains("createdb -h ")
            .contains(" skills_absent_db");
        assertThat(output.getOut()).doesNotContain("\tat org.");
    }

    @Test
    void anUnreachableDatabaseNamesTheVariable(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> start("spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/skills"))
            .isNotNull();

        assertThat(reportLine(output)).contains("Cannot reach PostgreSQL at 127.0.0.1:" + closedPort)
            .contains("SPRING_DATASOURCE_URL");
        assertThat(output.getOut()).doesNotContain("\tat org.");
    }

    @Test
    void aUrlTheDriverDoesNotTakeNamesTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start("spring.datasource.url=jdbc:postgresql:/127.0.0.1:5432/skills,x")).isNotNull();

        assertThat(reportLine(output)).contains("SPRING_DATASOURCE_URL");
        assertThat(output.getOut()).doesNotContain("\tat org.");
    }

    @Test
    void aPlaceholderSecretIsRefusedWithoutRepeatingIt(CapturedOutput output) {
        String placeholder = "change-me-to-a-long-random-secret-of-32-bytes-or-more";

        assertThatThrownBy(() -> start("skills.jwt.secret=" + placeholder)).isNotNull();

        assertThat(reportLine(output)).contains("SKILLS_JWT_SECRET is an example from the documentation");
        assertThat(output.getOut()).doesNotContain(placeholder);
    }

    /**
     * Starts the application with the test settings, {@code name=value} overriding them.
     */
    private static void start(String... overrides) {
        SecondServer.start(TestDatabase.get(), Arrays.stream(overrides).map(o -> "--" + o).toArray(String[]::new))
            .close();
    }

    /** The one report line, in the JSON log format the server logs in by default. */
    private static String reportLine(CapturedOutput output) {
        List<String> lines = Logs.awaitLines(output, line -> line.contains("\"logger\":\"startup\""));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"level\":\"ERROR\"").contains("Refusing to start: ");
        return lines.get(0);
    }

}
