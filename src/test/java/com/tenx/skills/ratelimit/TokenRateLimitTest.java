package com.tenx.skills.ratelimit;

import static com.tenx.skills.ratelimit.RateLimitAssertions.assertRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the PAT family the limit is per token: each token has its quota, apart from its
 * creator's and from the creator's other tokens. Set-up goes through the shared test
 * server; the calls under test through an instance with a quota of 5 an hour.
 */
class TokenRateLimitTest extends ApiTest {

    static LimitedServer limited;

    @BeforeAll
    static void start() {
        limited = LimitedServer.start(TestSettings.properties(TestDatabase.get()),
                Map.of("skills.rate-limit.handles.capacity", "5", "skills.rate-limit.handles.period", "1h"));
    }

    @AfterAll
    static void stop() {
        if (limited != null) {
            limited.close();
        }
    }

    @Test
    void eachTokenHasAQuotaOfItsOwn() {
        World.Member creator = world.creator();
        Pats pats = new Pats(api);
        Pats.Pat first = pats.create(creator, "skills.read");
        Pats.Pat second = pats.create(creator, "skills.read");
        Api server = limited.api();

        for (int i = 0; i < 5; i++) {
            Reply reply = server.get(Pats.skills(creator.handle())).token(first.token()).send();
            assertThat(reply.status()).as("request %d: %s", i + 1, reply).isEqualTo(200);
            assertThat(reply.header("RateLimit")).startsWith("\"token\";r=" + (4 - i) + ";t=");
        }

        assertRateLimited(server.get(Pats.skills(creator.handle())).token(first.token()).send(), "token", 5, 3600);
        assertThat(server.get(Pats.skills(creator.handle())).token(second.token()).send().status()).isEqualTo(200);
        assertThat(server.get("/v2/handles/" + creator.handle() + "/skills").token(creator.token()).send().status())
            .isEqualTo(200);
        assertThat(
                Rows.count("SELECT count(*) FROM rate_limit_buckets WHERE id = ?", "token:5/3600s:" + first.tokenId()))
            .isOne();
    }

}
