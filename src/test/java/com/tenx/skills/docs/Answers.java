package com.tenx.skills.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the answers a README shows with what the commands printed, after masking what
 * changes from run to run (see {@link Masker}). JSON is compared as JSON (layout and the
 * order of fields do not matter); an answer of {@code curl -i} by its status line, the
 * headers the README shows (their values too, unless they change from run to run) and its
 * body; anything else as text. Feed it the answers in the walk-through's order.
 */
final class Answers {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Masker shownMasker = new Masker();

    private final Masker printedMasker = new Masker();

    /**
     * Null when {@code printed} is what {@code shown} says (null {@code shown}: nothing
     * printed), else a diff of the two, masked.
     */
    String disagreement(String shown, String printed) {
        if (shown == null) {
            return printed.isEmpty() ? null
                    : "The README shows no answer, but the command printed:\n" + indent(printed);
        }
        Normalised expected = normalise(shown, null, shownMasker);
        Normalised actual = normalise(printed, expected.headerNames(), printedMasker);
        return expected.equals(actual) ? null : LineDiff.of(expected.render(), actual.render());
    }

    /**
     * An answer made comparable: a head (status line and headers, for {@code curl -i}),
     * then a JSON body or a text.
     */
    private record Normalised(List<String> head, JsonNode json, String text) {

        List<String> headerNames() {
            return head.stream().skip(1).map((line) -> line.substring(0, line.indexOf(':'))).toList();
        }

        String render() {
            StringBuilder out = new StringBuilder();
            head.forEach((line) -> out.append(line).append('\n'));
            if (!head.isEmpty() && (json != null || !text.isEmpty())) {
                out.append('\n');
            }
            out.append(json != null ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) : text);
            return out.toString();
        }

    }

    /**
     * {@code shownHeaders}: for a printed answer, the headers the README shows (the
     * others are left out); null for the README's own answer.
     */
    private static Normalised normalise(String answer, List<String> shownHeaders, Masker masker) {
        String body = answer.replace("\r", "").strip();
        List<String> head = new ArrayList<>();
        if (body.startsWith("HTTP/")) {
            int blank = body.indexOf("\n\n");
            List<String> lines = (blank < 0 ? body : body.substring(0, blank)).lines().map(String::strip).toList();
            body = blank < 0 ? "" : body.substring(blank + 2).strip();
            head.add(lines.get(0).replaceAll("\\s+", " "));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            for (String name : shownHeaders != null ? shownHeaders : headers.keySet()) {
                String value = headers.get(name);
                head.add(name + ": " + (value == null ? "(missing)" : masker.maskHeader(name, value)));
            }
        }
        JsonNode json = parse(body);
        return json != null ? new Normalised(head, masker.mask(json), null)
                : new Normalised(head, null, masker.maskText(body));
    }

    private static JsonNode parse(String text) {
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private static String indent(String text) {
        return text.lines().map((line) -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

}
