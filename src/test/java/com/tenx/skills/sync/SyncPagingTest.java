package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ?limit=N} on the full list and on {@code ?since=}: pages that add up to the
 * whole answer, once.
 */
class SyncPagingTest extends ApiTest {

    private static final List<String> KEYS = List.of("a1", "a2", "b1", "b10", "b2", "c-x", "c1");

    private HandleSkills skills;

    @BeforeEach
    void handle() {
        skills = new HandleSkills(api, world.creator());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "501", "-1", "abc", "1.5" })
    void limitOutsideOneTo500Is400(String limit) {
        Reply reply = skills.list("?limit=" + limit);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("ok").asBoolean()).isFalse();
    }

    @Test
    void limitsOneAnd500AreAccepted() {
        skills.create("alpha", "beta");

        JsonNode one = skills.list(null, 1);
        JsonNode all = skills.list(null, 500);

        assertThat(one.get("skills").size()).isEqualTo(1);
        assertThat(one.get("nextCursor").asString()).isNotBlank();
        assertThat(all.get("skills").size()).isEqualTo(2);
        assertThat(all.has("nextCursor")).isFalse();
    }

    @Test
    void pagingTheFullListYieldsEverySkillOnceInKeyOrder() {
        skills.create(KEYS.toArray(String[]::new));

        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = skills.list(null, 3);
        pages.add(page);
        while (page.has("nextCursor")) {
            page = skills.list(page.get("nextCursor").asString(), 3);
            pages.add(page);
        }

        assertThat(pages).extracting(p -> p.get("skills").size()).containsExactly(3, 3, 1);
        List<JsonNode> items = new ArrayList<>();
        pages.forEach(p -> p.get("skills").forEach(items::add));
        assertThat(items).extracting(item -> item.get("skillKey").asString()).containsExactlyElementsOf(KEYS);
        assertThat(items).isEqualTo(all(skills.list(null, null)));

        JsonNode after = skills.list(page.get("cursor").asString(), null);
        assertThat(after.get("skills").size()).isZero();
        assertThat(after.get("deleted").size()).isZero();
    }

    @Test
    void pagingAFullListAfterAnExactMultipleEndsWithAnEmptyPageOrNone() {
        skills.create("a1", "a2", "a3", "a4");

        JsonNode first = skills.list(null, 2);
        JsonNode second = skills.list(first.get("nextCursor").asString(), 2);

        assertThat(all(second)).extracting(item -> item.get("skillKey").asString()).containsExactly("a3", "a4");
        if (second.has("nextCursor")) {
            JsonNode third = skills.list(second.get("nextCursor").asString(), 2);
            assertThat(third.get("skills").size()).isZero();
            assertThat(third.has("nextCursor")).isFalse();
        }
    }

    @Test
    void pagingTheChangesYieldsEveryChangeOnce() {
        skills.create(KEYS.toArray(String[]::new));
        String cursor = skills.list(null, null).get("cursor").asString();
        assertThat(skills.put("b1", "edited").status()).isEqualTo(200);
        assertThat(skills.delete("a2").status()).isEqualTo(204);
        assertThat(skills.putRuntime("c1").status()).isEqualTo(200);
        skills.create("d1", "d2");
        assertThat(skills.delete("b10").status()).isEqualTo(204);
        assertThat(skills.put("a1", "edited").status()).isEqualTo(200);
        assertThat(skills.delete("d1").status()).isEqualTo(204);

        List<String> upserted = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        JsonNode page = skills.list(cursor, 2);
        int pages = 1;
        while (true) {
            assertThat(page.get("skills").size() + page.get("deleted").size()).isLessThanOrEqualTo(2);
            page.get("skills").forEach(item -> upserted.add(item.get("skillKey").asString()));
            page.get("deleted").forEach(item -> deleted.add(item.get("skillKey").asString()));
            if (!page.has("nextCursor")) {
                break;
            }
            page = skills.list(page.get("nextCursor").asString(), 2);
            pages++;
        }

        assertThat(upserted).containsExactlyInAnyOrder("b1", "c1", "d2", "a1");
        assertThat(deleted).containsExactlyInAnyOrder("a2", "b10", "d1");
        assertThat(pages).isGreaterThanOrEqualTo(4);
        JsonNode after = skills.list(page.get("cursor").asString(), null);
        assertThat(after.get("skills").size()).isZero();
        assertThat(after.get("deleted").size()).isZero();
    }

    private static List<JsonNode> all(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.get("skills").forEach(items::add);
        return items;
    }

}
