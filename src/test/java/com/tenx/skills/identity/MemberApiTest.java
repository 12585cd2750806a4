package com.tenx.skills.identity;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Concurrently;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code PUT/DELETE /v2/handles/{handle}/members/{userId}}: who may manage members, and
 * how far.
 */
class MemberApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    private Reply put(String token, String handle, String userId, String role) {
        return api.put("/v2/handles/" + handle + "/members/" + userId)
            .token(token)
            .json(Json.object().put("role", role))
            .send();
    }

    private Reply delete(String token, String handle, String userId) {
        return api.delete("/v2/handles/" + handle + "/members/" + userId).token(token).send();
    }

    private Optional<String> storedRole(String handle, String userId) {
        return db.sql("""
                SELECT m.role FROM memberships m JOIN handles h ON h.id = m.handle_id
                WHERE h.handle = :handle AND m.user_id = :user""")
            .param("handle", handle)
            .param("user", UUID.fromString(userId))
            .query(String.class)
            .optional();
    }

    @Test
    void adminAddsACreator() {
        World.Member admin = world.member("ADMIN", "growth_tools");
        World.User user = world.user();

        Reply reply = put(admin.token(), admin.handle(), user.id(), "CREATOR");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"ok":true,"member":{"userId":"%s","handle":"%s","role":"CREATOR"}}""".formatted(user.id(),
                admin.handle())));
        assertThat(storedRole(admin.handle(), user.id())).contains("CREATOR");
        assertThat(api.get("/v2/handles/" + admin.handle() + "/skills").token(user.token()).send().status())
            .isEqualTo(200);
    }

    @Test
    void adminCannotGrantOwner() {
        World.Member admin = world.member("ADMIN");
        World.User user = world.user();

        assertError(put(admin.token(), admin.handle(), user.id(), "OWNER"), 403, "insufficient_role");
        assertThat(storedRole(admin.handle(), user.id())).isEmpty();
    }

    @Test
    void adminCannotRemoveOrDemoteAnOwner() {
        World.Member admin = world.member("ADMIN");
        World.User owner = world.user();
        world.grant(admin.handle(), owner.id(), "OWNER");

        assertError(delete(admin.token(), admin.handle(), owner.id()), 403, "insufficient_role");
        assertError(put(admin.token(), admin.handle(), owner.id(), "VIEWER"), 403, "insufficient_role");
        assertThat(storedRole(admin.handle(), owner.id())).contains("OWNER");
    }

    @Test
    void theLastOwnerCannotDemoteItself() {
        World.Member owner = world.member("OWNER");

        assertError(put(owner.token(), owner.handle(), owner.user().id(), "ADMIN"), 409, "last_owner");
        assertThat(storedRole(owner.handle(), owner.user().id())).contains("OWNER");
    }

    @Test
    void theLastOwnerCannotBeRemovedEvenByAPlatformAdmin() {
        World.Member owner = world.member("OWNER");

        assertError(delete(owner.token(), owner.handle(), owner.user().id()), 409, "last_owner");
        assertError(delete(world.adminToken(), owner.handle(), owner.user().id()), 409, "last_owner");
        assertThat(storedRole(owner.handle(), owner.user().id())).contains("OWNER");
    }

    @Test
    void anOwnerMayLeaveWhenAnotherRemains() {
        World.Member owner = world.member("OWNER");
        World.User second = world.user();
        world.grant(owner.handle(), second.id(), "OWNER");

        assertThat(put(owner.token(), owner.handle(), owner.user().id(), "VIEWER").status()).isEqualTo(200);
        assertThat(delete(second.token(), owner.handle(), owner.user().id()).status()).isEqualTo(204);
        assertThat(storedRole(owner.handle(), second.id())).contains("OWNER");
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() {
        for (int round = 0; round < 5; round++) {
            World.Member first = world.member("OWNER");
            World.User second = world.user();
            world.grant(first.handle(), second.id(), "OWNER");

            List<Reply> replies = Concurrently.run(2,
                    i -> i == 0 ? put(first.token(), first.handle(), second.id(), "ADMIN")
                            : put(second.token(), first.handle(), first.user().id(), "ADMIN"));

            // The later one is refused: 409 last_owner when both passed the access check
            // before either committed, 403 when it ran after the first one's commit (its
            // caller is an ADMIN by then, who cannot change an OWNER).
            assertThat(replies).extracting(Reply::status).containsOnlyOnce(200).containsAnyOf(409, 403);
            long owners = Stream.of(first.user().id(), second.id())
                .filter(id -> storedRole(first.handle(), id).orElseThrow().equals("OWNER"))
                .count();
            assertThat(owners).isOne();
        }
    }

    @Test
    void ownerMayGrantOwner() {
        World.Member owner = world.member("OWNER");
        World.User user = world.user();

        assertThat(put(owner.token(), owner.handle(), user.id(), "OWNER").status()).isEqualTo(200);
        assertThat(storedRole(owner.handle(), user.id())).contains("OWNER");
    }

    @Test
    void creatorCannotManageMembers() {
        World.Member creator = world.creator();
        World.User user = world.user();
        world.grant(creator.handle(), user.id(), "VIEWER");

        assertError(put(creator.token(), creator.handle(), user.id(), "CREATOR"), 403, "insufficient_role");
        assertError(delete(creator.token(), creator.handle(), user.id()), 403, "insufficient_role");
        assertThat(storedRole(creator.handle(), user.id())).contains("VIEWER");
    }

    @Test
    void adminOfOneHandleCannotManageAnother() {
        World.Member admin = world.member("ADMIN");
        World.Member other = world.creator();

        assertError(put(admin.token(), other.handle(), admin.user().id(), "OWNER"), 403, "insufficient_role");
        assertThat(storedRole(other.handle(), admin.user().id())).isEmpty();
    }

    @Test
    void platformAdminManagesMembersButHasNoRoleOnTheHandle() {
        String handle = world.handle(world.tenant("growth_tools"));
        World.User user = world.user();

        assertThat(put(world.adminToken(), handle, user.id(), "OWNER").status()).isEqualTo(200);
        assertThat(storedRole(handle, user.id())).contains("OWNER");
        assertError(api.get("/v2/handles/" + handle + "/skills").token(world.adminToken()).send(), 403,
                "insufficient_role");
        assertError(api.put("/v2/handles/" + handle + "/skills/crm-lookup")
            .token(world.adminToken())
            .json(Json.skill())
            .send(), 403, "insufficient_role");
        World.User successor = world.user();
        assertThat(put(world.adminToken(), handle, successor.id(), "OWNER").status()).isEqualTo(200);
        assertThat(delete(world.adminToken(), handle, user.id()).status()).isEqualTo(204);
        assertThat(storedRole(handle, user.id())).isEmpty();
    }

    @Test
    void unknownUserIs404NotFound() {
        World.Member admin = world.member("ADMIN");

        assertError(put(admin.token(), admin.handle(), UUID.randomUUID().toString(), "VIEWER"), 404, "not_found");
        assertError(put(admin.token(), admin.handle(), "not-a-user-id", "VIEWER"), 404, "not_found");
    }

    @Test
    void aUserIdSpelledWithASignNamesNoUser() {
        World.Member admin = world.member("ADMIN");
        UUID id = UUID.fromString("0" + UUID.randomUUID().toString().substring(1));
        db.sql("INSERT INTO users (id, email, password_hash, created_at) VALUES (:id, :email, 'x', now())")
            .param("id", id)
            .param("email", World.unique("signed") + "@example.com")
            .update();
        // UUID.fromString alone reads "+" followed by seven hex digits as the same id.
        String signed = "+" + id.toString().substring(1);

        assertError(put(admin.token(), admin.handle(), signed, "VIEWER"), 404, "not_found");
        assertThat(storedRole(admin.handle(), id.toString())).isEmpty();
    }

    @Test
    void badRoleIs400() {
        World.Member admin = world.member("ADMIN");
        World.User user = world.user();

        assertError(put(admin.token(), admin.handle(), user.id(), "SUPERUSER"), 400, "invalid_request");
        assertError(api.put("/v2/handles/" + admin.handle() + "/members/" + user.id())
            .token(admin.token())
            .json(Json.object())
            .send(), 400, "invalid_request");
        assertError(api.put("/v2/handles/" + admin.handle() + "/members/" + user.id())
            .token(admin.token())
            .json(Json.object().set("role", Json.array()))
            .send(), 400, "invalid_request");
        assertThat(storedRole(admin.handle(), user.id())).isEmpty();
    }

    @Test
    void deleteIs204AndIdempotent() {
        World.Member admin = world.member("ADMIN");
        World.User user = world.user();
        world.grant(admin.handle(), user.id(), "CREATOR");

        Reply first = delete(admin.token(), admin.handle(), user.id());
        Reply second = delete(admin.token(), admin.handle(), user.id());

        assertThat(first.status()).isEqualTo(204);
        assertThat(first.body()).isEmpty();
        assertThat(second.status()).isEqualTo(204);
        assertThat(storedRole(admin.handle(), user.id())).isEmpty();
        assertThat(delete(admin.token(), admin.handle(), UUID.randomUUID().toString()).status()).isEqualTo(204);
    }

}
