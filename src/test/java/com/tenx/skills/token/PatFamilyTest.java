package com.tenx.skills.token;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PAT route family, route by route: each family takes only its own token, and on the
 * PAT family the checks run in the contract's order: 401, insufficient_scope,
 * insufficient_role, feature_locked, then the rest as on the JWT routes.
 */
class PatFamilyTest extends ApiTest {

    private static final String KEY = "crm-lookup";

    private static final String BAD_KEY = "crm_lookup";

    private Pats pats;

    private World.Member creator;

    @BeforeEach
    void creator() {
        pats = new Pats(api);
        creator = world.creator();
    }

    private static void assertUnauthorized(Reply reply, String code) {
        assertError(reply, 401, code);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void aControlPlaneTokenOnThePatFamilyIsInvalidToken(SkillRoute route) {
        assertUnauthorized(route.onPatFamily(api, creator.handle(), KEY).token(creator.token()).send(),
                "invalid_token");
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void aPersonalTokenOnTheJwtFamilyIsInvalidToken(SkillRoute route) {
        Pats.Pat pat = pats.create(creator, "skills.*");

        assertUnauthorized(route.onJwtFamily(api, creator.handle(), KEY).token(pat.token()).send(), "invalid_token");
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void noBearerTokenOnThePatFamilyIsMissingBearerToken(SkillRoute route) {
        assertUnauthorized(route.onPatFamily(api, creator.handle(), KEY).send(), "missing_bearer_token");
        assertUnauthorized(
                route.onPatFamily(api, creator.handle(), KEY).header("Authorization", "Basic dXNlcjpwdw==").send(),
                "missing_bearer_token");
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void anExpiredTokenIsTokenExpiredBeforeItsScopeIsLookedAt(SkillRoute route) {
        Pats.Pat pat = pats.create(creator, route.otherScopes());
        expire(pat);

        assertUnauthorized(route.onPatFamily(api, creator.handle(), KEY).token(pat.token()).send(), "token_expired");
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void theScopeIsCheckedBeforeTheRoleAndTheFeature(SkillRoute route) {
        World.Member locked = world.member("CREATOR");
        Pats.Pat pat = pats.create(locked, route.otherScopes());
        world.grant(locked.handle(), locked.user().id(), "VIEWER");

        JsonNodeAssert.message(assertError(
                route.onPatFamily(api, locked.handle(), route.keyed() ? BAD_KEY : KEY).token(pat.token()).send(), 403,
                "insufficient_scope"), route.scope);
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void theCreatorsCurrentRoleIsCheckedBeforeTheFeature(SkillRoute route) {
        World.Member locked = world.member("CREATOR");
        Pats.Pat pat = pats.create(locked, route.scope);
        world.grant(locked.handle(), locked.user().id(), "VIEWER");

        assertError(route.onPatFamily(api, locked.handle(), route.keyed() ? BAD_KEY : KEY).token(pat.token()).send(),
                403, "insufficient_role");
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void afterTheFeatureTheRouteAnswersAsOnTheJwtFamily(SkillRoute route) {
        World.Member locked = world.member("CREATOR");
        Pats.Pat pat = pats.create(locked, route.scope);
        String key = route.keyed() ? BAD_KEY : KEY;

        Reply viaPat = route.onPatFamily(api, locked.handle(), key).token(pat.token()).send();
        Reply viaJwt = route.onJwtFamily(api, locked.handle(), key).token(locked.token()).send();

        if (route.growthTools) {
            assertError(viaPat, 403, "feature_locked");
        }
        else if (route.keyed()) {
            assertError(viaPat, 400, "invalid_skill_key");
        }
        assertThat(viaPat.status()).isEqualTo(viaJwt.status());
        assertThat(viaPat.body()).isEqualTo(viaJwt.body());
    }

    @ParameterizedTest
    @EnumSource(SkillRoute.class)
    void aTokenForAnotherHandleIsInsufficientRoleThere(SkillRoute route) {
        Pats.Pat pat = pats.create(creator, "skills.*");
        World.Member other = world.creator();
        world.grant(other.handle(), creator.user().id(), "OWNER");

        assertError(route.onPatFamily(api, other.handle(), KEY).token(pat.token()).send(), 403, "insufficient_role");
        assertError(route.onPatFamily(api, "no-such-handle", KEY).token(pat.token()).send(), 403, "insufficient_role");
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(Arguments.of("truncated by one", (UnaryOperator<String>) t -> t.substring(0, t.length() - 1)),
                Arguments.of("truncated to its id", (UnaryOperator<String>) t -> t.substring(0, t.indexOf('.') + 1)),
                Arguments.of("checksum flipped", (UnaryOperator<String>) ScannerChecksum::checksumFlipped),
                Arguments.of("forged with a valid checksum", (UnaryOperator<String>) ScannerChecksum::forged),
                Arguments.of("unknown id with a valid checksum",
                        (UnaryOperator<String>) t -> forgedId(t.substring(t.indexOf('.')))),
                Arguments.of("one character longer", (UnaryOperator<String>) t -> t + "0"),
                Arguments.of("upper-cased prefix", (UnaryOperator<String>) t -> t.replace("patv1_", "PATV1_")),
                Arguments.of("another version", (UnaryOperator<String>) t -> t.replace("patv1_", "patv2_")),
                Arguments.of("case flipped", (UnaryOperator<String>) PatFamilyTest::caseFlipped),
                Arguments.of("twice", (UnaryOperator<String>) t -> t + " " + t),
                Arguments.of("not a token at all", (UnaryOperator<String>) t -> "patv1_"));
    }

    private static String forgedId(String rest) {
        String body = "patv1_AAAAAAAAAAAAAAAA" + rest.substring(0, rest.length() - 6);
        return body + ScannerChecksum.of(body);
    }

    private static String caseFlipped(String token) {
        int at = token.indexOf('.') + 1;
        char c = token.charAt(at);
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        if (flipped == c) {
            flipped = c == '0' ? '1' : '0';
        }
        return token.substring(0, at) + flipped + token.substring(at + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void malformedTamperedAndForgedTokensAreInvalidToken(String what, UnaryOperator<String> mangle) {
        Pats.Pat pat = pats.create(creator, "skills.*");
        String bad = mangle.apply(pat.token());

        assertUnauthorized(api.get(Pats.skills(creator.handle())).token(bad).send(), "invalid_token");
        assertUnauthorized(
                api.put(Pats.skill(creator.handle(), KEY)).token(bad).json(Json.skill().put("status", 5)).send(),
                "invalid_token");
        assertThat(api.get(Pats.skills(creator.handle())).token(pat.token()).send().status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsInvalidTokenOnTheNextCall() {
        Pats.Pat pat = pats.create(creator, "skills.*");
        assertThat(api.get(Pats.skills(creator.handle())).token(pat.token()).send().status()).isEqualTo(200);

        assertThat(api.delete(Pats.tokensPath(creator.handle()) + "/" + pat.tokenId())
            .token(creator.token())
            .send()
            .status()).isEqualTo(204);

        assertUnauthorized(api.get(Pats.skills(creator.handle())).token(pat.token()).send(), "invalid_token");
    }

    private static void expire(Pats.Pat pat) {
        com.tenx.skills.support.Rows.update(
                "UPDATE personal_access_tokens SET expires_at = now() - interval '1 second' WHERE id = ?",
                pat.tokenId());
    }

    /** Assertions on an error body's message. */
    private static final class JsonNodeAssert {

        static void message(tools.jackson.databind.JsonNode body, String contains) {
            assertThat(body.get("message").asString()).contains(contains);
        }

    }

}
