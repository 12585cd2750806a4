package com.tenx.skills.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands one after the other in a single bash process, as a reader pasting them
 * into one terminal would, so that variables set by one are seen by the next; and tells
 * what each printed (standard output and error together).
 */
final class Shell {

    private final Map<String, String> environment;

    private final Path workDir;

    /**
     * A shell with only {@code environment} (plus {@code PATH}), working in
     * {@code workDir}.
     */
    Shell(Map<String, String> environment, Path workDir) {
        this.environment = environment;
        this.workDir = workDir;
    }

    /** Which of {@code tools} cannot be found, or "bash" when bash itself cannot run. */
    static List<String> missing(List<String> tools) {
        String check = "for tool in " + String.join(" ", tools)
                + "; do command -v \"$tool\" > /dev/null || echo \"$tool\"; done";
        try {
            Process process = new ProcessBuilder("bash", "-c", check).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of("bash");
            }
            return out.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
        }
        catch (IOException e) {
            return List.of("bash");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code commands} in order and returns what each printed, stripped of leading
     * and trailing white space; a command the shell never reached gets a note saying so.
     */
    List<String> run(List<String> commands, Duration timeout) {
        String marker = "@@step-" + UUID.randomUUID() + "@@";
        StringBuilder script = new StringBuilder("exec 2>&1\n");
        for (int i = 0; i < commands.size(); i++) {
            script.append("printf '\\n%s\\n' '").append(marker).append(i).append("'\n");
            script.append(commands.get(i)).append('\n');
        }
        script.append("printf '\\n%s\\n' '").append(marker).append("end'\n");
        String out = execute(script.toString(), timeout);
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            int from = out.indexOf("\n" + marker + i + "\n");
            if (from < 0) {
                printed.add("(the shell ended before this command; it printed:)\n" + out.strip());
                continue;
            }
            from += marker.length() + String.valueOf(i).length() + 2;
            int to = out.indexOf("\n" + marker + (i + 1 < commands.size() ? i + 1 : "end") + "\n", from);
            printed.add((to < 0 ? out.substring(from) + "\n(the shell ended in this command)" : out.substring(from, to))
                .strip());
        }
        return printed;
    }

    private String execute(String script, Duration timeout) {
        try {
            Path scriptFile = Files.writeString(workDir.resolve("walkthrough.sh"), script, StandardCharsets.UTF_8);
            Path outFile = workDir.resolve("walkthrough.out");
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", scriptFile.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outFile.toFile());
            builder.environment().keySet().removeIf((name) -> !name.equals("PATH"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The walk-through did not finish within " + timeout + "; it printed:\n"
                        + Files.readString(outFile, StandardCharsets.UTF_8));
            }
            return "\n" + Files.readString(outFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
