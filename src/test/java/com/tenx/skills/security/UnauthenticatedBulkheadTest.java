package com.tenx.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests without a valid token share a few slots and a bounded wait; requests with one
 * pass whatever the others do.
 */
class UnauthenticatedBulkheadTest {

    private final UnauthenticatedBulkhead bulkhead = new UnauthenticatedBulkhead(1, 1, Duration.ofMillis(300),
            new ErrorResponses(JsonMapper.builder().build()));

    private final CountDownLatch release = new CountDownLatch(1);

    private final CountDownLatch holding = new CountDownLatch(1);

    @AfterEach
    void letGo() {
        release.countDown();
        SecurityContextHolder.clearContext();
    }

    private final FilterChain held = (request, response) -> {
        holding.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ((MockHttpServletResponse) response).setStatus(200);
    };

    private final FilterChain quick = (request, response) -> ((MockHttpServletResponse) response).setStatus(200);

    private MockHttpServletResponse send(FilterChain chain, boolean authenticated) {
        if (authenticated) {
            SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new CurrentUser(UUID.randomUUID()),
                        null, List.of()));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            bulkhead.doFilter(new MockHttpServletRequest("POST", "/v2/auth/login"), response, chain);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        return response;
    }

    @Test
    void onePastTheSlotsWaitsThenAnswers503AndOnePastTheQueueAtOnce() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> send(held, false));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() -> send(quick, false));
        Thread.sleep(100);

        long started = System.nanoTime();
        MockHttpServletResponse third = send(quick, false);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(250));
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("2");
        assertThat(third.getContentAsString()).contains("\"service_unavailable\"");

        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).as("waited its 300 ms").isEqualTo(503);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(send(quick, false).getStatus()).as("the slot is free again").isEqualTo(200);
    }

    @Test
    void aWaitingRequestIsServedWhenASlotFrees() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> send(held, false));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() -> send(quick, false));
        Thread.sleep(50);
        release.countDown();

        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void requestsWithAValidTokenAreNeverHeld() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> send(held, false));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(send(quick, true).getStatus()).isEqualTo(200);
        assertThat(send(quick, true).getStatus()).isEqualTo(200);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

}
