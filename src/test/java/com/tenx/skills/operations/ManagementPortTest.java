package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * The API port, which a balancer exposes, serves the two probes and no other actuator
 * route; metrics and everything else the actuator has live on the management port.
 */
class ManagementPortTest extends ApiTest {

    @Test
    void prometheusIsNotOnTheApiPort() {
        Reply reply = api.get("/actuator/prometheus").send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("not_found");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void noOtherActuatorRouteIsOnTheApiPort() {
        for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/db",
                "/actuator/metrics" }) {
            Reply reply = api.get(path).send();
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.error()).as(path).isEqualTo("not_found");
        }
    }

    @Test
    void prometheusIsOnTheManagementPort() {
        Reply reply = management.get("/actuator/prometheus").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void bothPortsAnswerTheProbesAlike() {
        for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
            Reply onApi = api.get(probe).send();
            Reply onManagement = management.get(probe).send();
            assertThat(onApi.status()).as(probe).isEqualTo(200);
            assertThat(onApi.json().get("status").asString()).as(probe).isEqualTo("UP");
            assertThat(onApi.header("X-Request-Id")).as(probe).isNotBlank();
            assertThat(onManagement.status()).as(probe).isEqualTo(200);
            assertThat(onManagement.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void aProbeAnswersOnlyGetAndHead() {
        assertThat(api.call("HEAD", "/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.post("/actuator/health/liveness").send().status()).isEqualTo(404);
    }

}
