package com.tenx.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: no SQL in one feature's main code names another feature's
 * table. A feature that needs another's data asks through that feature's public interface
 * (the skill feature reads and advances the handle's change counter through
 * {@code identity.HandleChangeCounter}).
 */
class TableOwnershipTest {

    private static final Map<String, String> OWNER = Map.ofEntries(Map.entry("users", "identity"),
            Map.entry("tenants", "identity"), Map.entry("handles", "identity"), Map.entry("memberships", "identity"),
            Map.entry("skills", "skill"), Map.entry("skill_runtimes", "skill"), Map.entry("skill_versions", "skill"),
            Map.entry("skill_tombstones", "skill"), Map.entry("audit_entries", "audit"),
            Map.entry("rate_limit_buckets", "ratelimit"), Map.entry("personal_access_tokens", "token"),
            Map.entry("idempotency_keys", "idempotency"));

    private static final Pattern TABLE = Pattern
        .compile("(?i)\\b(?:from|join|update|into|table)\\s+\"?([a-z_]+)\"?|\\.table\\(\"([a-z_]+)\"\\)");

    private static final Path MAIN = Path.of("src/main/java/com/tenx/skills");

    @Test
    void noFeatureNamesAnotherFeaturesTable() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String feature = MAIN.relativize(file).getName(0).toString();
                Matcher matcher = TABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    String table = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    String owner = OWNER.get(table.toLowerCase(java.util.Locale.ROOT));
                    if (owner != null && !owner.equals(feature)) {
                        trespasses.add(MAIN.relativize(file) + " names " + owner + "'s table " + table);
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Pattern create = Pattern.compile("(?i)create table\\s+(?:if not exists\\s+)?([a-z_]+)");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher matcher = create.matcher(Files.readString(file));
                while (matcher.find()) {
                    assertThat(OWNER).as("owner of %s", matcher.group(1)).containsKey(matcher.group(1));
                }
            }
        }
    }

}
