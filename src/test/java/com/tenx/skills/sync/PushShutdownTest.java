package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server that shuts down answers the calls it holds, as their time-out would, instead
 * of cutting them.
 */
class PushShutdownTest extends ApiTest {

    @Test
    void heldCallsAreAnsweredWhenTheServerShutsDown() throws Exception {
        World.Member creator = world.creator();
        String cursor = new HandleSkills(api, creator).list(null, null).get("cursor").asString();
        ConfigurableApplicationContext stopping = SecondServer.start(TestDatabase.get(), "--skills.shutdown.drain=1s");
        Api other = new Api(SecondServer.portOf(stopping));
        CompletableFuture<Reply> held = CompletableFuture
            .supplyAsync(() -> other
                .get("/v2/handles/" + creator.handle() + "/skills?since="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&wait=60")
                .token(creator.token())
                .send());
        Thread.sleep(700);
        assertThat(held).isNotDone();

        long started = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(stopping::close);
        Reply reply = held.get(30, TimeUnit.SECONDS);
        closed.get(30, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("skills")).isEmpty();
        assertThat(reply.json().get("cursor").asString()).isEqualTo(cursor);
    }

}
