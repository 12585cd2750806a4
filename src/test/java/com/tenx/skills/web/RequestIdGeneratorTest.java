package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Generated request ids: UUID-shaped, sane by the header's own rule, never repeated. */
class RequestIdGeneratorTest {

    @Test
    void generatedIdsAreUuidShapedAndPassTheirOwnSanityRule() {
        String id = RequestIds.generate();

        UUID parsed = UUID.fromString(id);
        assertThat(parsed.version()).isEqualTo(8);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(RequestIds.idFor(id)).isEqualTo(id);
    }

    @Test
    void idsGeneratedConcurrentlyNeverRepeat() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        int threads = 8;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = 0; i < each; i++) {
                    seen.add(RequestIds.generate());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(seen).hasSize(threads * each);
    }

}
