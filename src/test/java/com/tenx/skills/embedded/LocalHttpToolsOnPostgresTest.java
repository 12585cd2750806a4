package com.tenx.skills.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;

/**
 * The {@code http://localhost} exception for tool URLs belongs to the embedded default
 * only.
 */
class LocalHttpToolsOnPostgresTest extends ApiTest {

    @Test
    void localHttpToolUrlIsRejectedOnPostgres() {
        World.Member creator = world.creator();

        Reply reply = api.put("/v2/handles/" + creator.handle() + "/skills/local-tool")
            .token(creator.token())
            .json(Json.skill().set("tools", Json.array().add(Json.tool("http", "lookup", "http://localhost:8080/x"))))
            .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_tools");
    }

}
