package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The API port writes answers of up to 16 KB in one socket write, and an answer on either
 * side of that size arrives whole.
 */
class SocketWriteBufferTest extends ApiTest {

    @Autowired
    private ServletWebServerApplicationContext context;

    @Test
    void theApiConnectorsWriteBufferHolds16Kb() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("16384");
    }

    @Test
    void listsOnEitherSideOfTheBufferArriveWhole() {
        SkillApi skills = new SkillApi(api, world.creator());
        String prompt = "p".repeat(6_000);
        for (int i = 1; i <= 5; i++) {
            assertThat(skills.put("skill-" + i, Json.skill().put("systemPrompt", prompt)).status()).isEqualTo(201);
            Reply list = api.get(skills.list()).token(skills.token()).send();

            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("skills")).hasSize(i);
            assertThat(list.header("Content-Length"))
                .isEqualTo(Integer.toString(list.body().getBytes(StandardCharsets.UTF_8).length));
        }
    }

}
