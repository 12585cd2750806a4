package com.tenx.skills.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The walk-through of a README: the shell blocks between
 * {@code <!-- walkthrough:start -->} and {@code <!-- walkthrough:end -->}, each with the
 * answer block that directly follows it (only blank lines between), if any.
 */
final class Walkthrough {

    static final String START = "<!-- walkthrough:start -->";

    static final String END = "<!-- walkthrough:end -->";

    private static final Set<String> SHELL = Set.of("sh", "bash", "shell");

    private Walkthrough() {
    }

    /** A command block, its first line in the file, and the answer shown after it. */
    record Step(int line, String command, Answer answer) {

        /** The command's first line, to name the step in a failure. */
        String title() {
            return command.lines().findFirst().orElse("").strip();
        }

    }

    /** An answer block and its first line in the file. */
    record Answer(int line, String text) {
    }

    static List<Step> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + readme.toAbsolutePath(), e);
        }
        int start = lines.indexOf(START);
        int end = lines.indexOf(END);
        if (start < 0 || end < start) {
            throw new AssertionError(readme + " has no walk-through: mark it with the lines " + START + " and " + END);
        }
        List<Step> steps = new ArrayList<>();
        int closedAt = -1;
        for (int i = start + 1; i < end; i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            String language = lines.get(i).substring(3).strip();
            int close = i + 1;
            while (close < end && !lines.get(close).strip().equals("```")) {
                close++;
            }
            if (close == end) {
                throw new AssertionError(readme + " line " + (i + 1) + ": the block is not closed before " + END);
            }
            String text = String.join("\n", lines.subList(i + 1, close));
            if (SHELL.contains(language)) {
                steps.add(new Step(i + 1, text, null));
            }
            else {
                Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
                if (last == null || last.answer() != null || !onlyBlankBetween(lines, closedAt, i)) {
                    throw new AssertionError(readme + " line " + (i + 1)
                            + ": an answer block must directly follow the command block it answers");
                }
                steps.set(steps.size() - 1, new Step(last.line(), last.command(), new Answer(i + 1, text)));
            }
            closedAt = close;
            i = close;
        }
        return steps;
    }

    private static boolean onlyBlankBetween(List<String> lines, int from, int to) {
        return from >= 0 && lines.subList(from + 1, to).stream().allMatch(String::isBlank);
    }

}
