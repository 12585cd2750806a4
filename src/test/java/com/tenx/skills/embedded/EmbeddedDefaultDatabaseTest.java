package com.tenx.skills.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Concurrently;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server started with no database and no signing secret configured: the seed's flow
 * works on the embedded database under the data directory, and a restart keeps the data
 * and the secret.
 */
class EmbeddedDefaultDatabaseTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedServer server;

    private Api api;

    private World world;

    @BeforeAll
    static void start() {
        server = EmbeddedServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() {
        api = server.api();
        world = new World(api);
    }

    @Test
    void theDatabaseAndTheGeneratedSecretLiveInTheDataDirectory() throws IOException {
        assertThat(server.property("spring.datasource.url")).startsWith("jdbc:h2:file:" + dataDir + "/skills;");
        assertThat(dataDir.resolve("skills.mv.db")).isRegularFile();
        assertThat(Files.readString(dataDir.resolve("jwt-secret"), StandardCharsets.UTF_8).strip().length())
            .isGreaterThanOrEqualTo(32);
    }

    @Test
    void personalAccessTokensWorkOnTheEmbeddedDatabase() {
        World.Member creator = world.creator();
        Pats pats = new Pats(api);
        Pats.Pat pat = pats.create(creator, "skills.*");

        Reply put = api.put(Pats.skill(creator.handle(), "crm-lookup")).token(pat.token()).json(Json.skill()).send();
        assertThat(put.status()).isEqualTo(201);
        assertThat(pats.createReply(creator, Pats.request(pat.info().get("name").asString(), "skills.read")).status())
            .isEqualTo(409);
        JsonNode listed = api.get(Pats.tokensPath(creator.handle())).token(creator.token()).send().json();
        assertThat(listed.get("tokens").get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(api.delete(Pats.tokensPath(creator.handle()) + "/" + pat.tokenId())
            .token(creator.token())
            .send()
            .status()).isEqualTo(204);
        assertThat(api.get(Pats.skills(creator.handle())).token(pat.token()).send().status()).isEqualTo(401);
    }

    @Test
    void seedFlowRunsOnTheEmbeddedDatabase() {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";

        Reply empty = api.get(skills).token(creator.token()).send();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("skills").size()).isZero();
        Reply created = api.put(skills + "/CRM-Lookup").token(creator.token()).json(Json.skill()).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json())
            .isEqualTo(Json.parse("{\"ok\":true,\"skillKey\":\"crm-lookup\",\"status\":\"DRAFT\"}"));
        assertThat(api.put(skills + "/crm-lookup/runtime").token(creator.token()).json(Json.runtime()).send().status())
            .isEqualTo(200);
        Reply published = api.post(skills + "/crm-lookup/publish").token(creator.token()).send();
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asString()).matches("v[0-9]{13}");

        JsonNode item = api.get(skills).token(creator.token()).send().json().get("skills").get(0);
        assertThat(item.get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(item.get("runtimeStatus").asString()).isEqualTo("published");
        assertThat(item.get("publishedVersion").asString()).isEqualTo(published.json().get("version").asString());
        assertThat(item.get("tools")).isEqualTo(Json.skill().get("tools"));

        Reply deleted = api.delete(skills + "/crm-lookup").token(creator.token()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get(skills + "/crm-lookup").token(creator.token()).send().error()).isEqualTo("skill_not_found");
    }

    @Test
    void syncCursorsWorkOnTheEmbeddedDatabase() {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";
        api.put(skills + "/alpha").token(creator.token()).json(Json.skill()).send();
        api.put(skills + "/beta").token(creator.token()).json(Json.skill()).send();
        String cursor = api.get(skills).token(creator.token()).send().json().get("cursor").asString();

        api.put(skills + "/beta").token(creator.token()).json(Json.skill().put("description", "edited")).send();
        api.delete(skills + "/alpha").token(creator.token()).send();
        JsonNode changes = api.get(skills + "?since=" + cursor).token(creator.token()).send().json();

        assertThat(changes.get("skills").size()).isEqualTo(1);
        assertThat(changes.get("skills").get(0).get("description").asString()).isEqualTo("edited");
        assertThat(changes.get("deleted").size()).isEqualTo(1);
        assertThat(changes.get("deleted").get(0).get("skillKey").asString()).isEqualTo("alpha");
    }

    @Test
    void localHttpToolUrlsAreAcceptedOnTheEmbeddedDatabase() {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";

        for (String url : new String[] { "http://localhost:8080/lookup", "http://127.0.0.1:9000/mcp" }) {
            Reply local = api.put(skills + "/local-tool")
                .token(creator.token())
                .json(Json.skill().set("tools", Json.array().add(Json.tool("http", "lookup", url))))
                .send();
            assertThat(local.status()).as(url).isIn(200, 201);
        }
        Reply remote = api.put(skills + "/remote-tool")
            .token(creator.token())
            .json(Json.skill().set("tools", Json.array().add(Json.tool("http", "lookup", "http://example.com/x"))))
            .send();
        assertThat(remote.status()).isEqualTo(400);
        assertThat(remote.error()).isEqualTo("invalid_tools");
    }

    @Test
    void concurrentWritesOnTheEmbeddedDatabaseAreAllApplied() {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";
        api.put(skills + "/busy").token(creator.token()).json(Json.skill()).send();
        api.put(skills + "/busy/runtime").token(creator.token()).json(Json.runtime()).send();

        List<Reply> replies = Concurrently.run(32,
                i -> i % 2 == 0 ? api.post(skills + "/busy/publish").token(creator.token()).send()
                        : api.put(skills + "/busy")
                            .token(creator.token())
                            .json(Json.skill().put("description", "edit " + i))
                            .send());

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        List<String> versions = replies.stream()
            .filter(reply -> reply.json().has("version"))
            .map(reply -> reply.json().get("version").asString())
            .toList();
        assertThat(versions).hasSize(16).doesNotHaveDuplicates();
        JsonNode listed = api.get(skills + "/busy/versions").token(creator.token()).send().json().get("versions");
        assertThat(listed.size()).isEqualTo(16);
    }

    @Test
    void restartKeepsTheDataAndTheSigningSecret() throws IOException {
        World.Member creator = world.creator();
        String skills = "/v2/handles/" + creator.handle() + "/skills";
        assertThat(api.put(skills + "/kept").token(creator.token()).json(Json.skill()).send().status()).isEqualTo(201);
        String secret = Files.readString(dataDir.resolve("jwt-secret"), StandardCharsets.UTF_8);

        server.close();
        server = EmbeddedServer.start(dataDir);
        api = server.api();

        Reply list = api.get(skills).token(creator.token()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("skills").get(0).get("skillKey").asString()).isEqualTo("kept");
        assertThat(Files.readString(dataDir.resolve("jwt-secret"), StandardCharsets.UTF_8)).isEqualTo(secret);
        assertThat(new World(api).login(creator.user().email(), creator.user().password())).isNotBlank();
    }

}
