package com.tenx.skills.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's CI example runs as pasted: one block creates a token with the user's
 * session, the other deploys and publishes a skill with only that token and checks the
 * published version.
 */
class ReadmeCiExampleTest extends ApiTest {

    private static final String START = "<!-- ci-example:start -->";

    private static final String END = "<!-- ci-example:end -->";

    @Test
    void theCiExampleDeploysAndPublishesWithAToken(@TempDir Path home) throws IOException {
        World.Member creator = world.creator();
        List<String> blocks = blocks(Path.of("README.md"));
        assertThat(blocks).hasSize(2);

        Shell shell = new Shell(Map.of("HOME", home.toString(), "LANG", "C.UTF-8", "API_BASE", api.base(), "HANDLE",
                creator.handle(), "SKILL_KEY", "crm-lookup", "JWT_TOKEN", creator.token()), home);
        List<String> printed = shell.run(blocks, Duration.ofSeconds(60));

        assertThat(printed.get(0)).isEmpty();
        String last = printed.get(1).lines().reduce((a, b) -> b).orElse("");
        assertThat(last).as(printed.get(1)).matches("published crm-lookup v[0-9]+");
        JsonNode skill = api.get("/v2/handles/" + creator.handle() + "/skills/crm-lookup")
            .token(creator.token())
            .send()
            .json();
        assertThat(skill.get("runtimeStatus").asString()).isEqualTo("published");
        assertThat("published crm-lookup " + skill.get("publishedVersion").asString()).isEqualTo(last);
        JsonNode tokens = api.get(Pats.tokensPath(creator.handle())).token(creator.token()).send().json().get("tokens");
        assertThat(tokens.get(0).get("name").asString()).isEqualTo("ci-deploy");
        assertThat(Rows.count("SELECT count(*) FROM audit_entries WHERE actor_token_id = ?",
                tokens.get(0).get("tokenId").asString()))
            .isEqualTo(3);
    }

    private static List<String> blocks(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf(START);
        int end = lines.indexOf(END);
        assertThat(start).as("%s in README.md", START).isNotNegative();
        assertThat(end).as("%s in README.md", END).isGreaterThan(start);
        List<String> blocks = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            if (lines.get(i).equals("```sh")) {
                int close = i + 1;
                while (!lines.get(close).equals("```")) {
                    close++;
                }
                blocks.add(String.join("\n", lines.subList(i + 1, close)));
                i = close;
            }
        }
        return blocks;
    }

}
