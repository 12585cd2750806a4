package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The console encoder chooses as Spring Boot would: the structured format when one is
 * set, Boot's pattern when it is empty.
 */
class ConsoleLogEncoderTest {

    @Test
    void aStructuredFormatWritesJson() {
        String line = encode("ecs");

        assertThat(line).startsWith("{").contains("\"message\":\"hello\"").contains("\"ecs\":");
    }

    @Test
    void anEmptyFormatWritesThePattern() {
        assertThat(encode("")).isEqualTo("INFO hello\n");
        assertThat(encode(null)).isEqualTo("INFO hello\n");
    }

    private static String encode(String format) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        ConsoleLogEncoder encoder = new ConsoleLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%level %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, "hello", null, null);
        event.setMDCPropertyMap(Map.of());
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

}
