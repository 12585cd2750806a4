package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
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
    void aStructuredLineIsByteForByteWhatBootsEncoderWrites() {
        LoggerContext context = context();
        ConsoleLogEncoder ours = encoder(context, "ecs");
        StructuredLogEncoder boots = new StructuredLogEncoder();
        boots.setContext(context);
        boots.setFormat("ecs");
        boots.setCharset(StandardCharsets.UTF_8);
        boots.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("access"), Level.WARN,
                "GET /v2/handles/acme/skills 200 \"quoted\" tab\t newline\n caf\u00e9 \u2603", null, null);
        event.setMDCPropertyMap(Map.of("requestId", "4f1c-1", "http.request.method", "GET"));
        event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("boom")));

        assertThat(ours.formatsToString()).as("Boot's formatter is reachable").isTrue();
        assertThat(new String(ours.encode(event), StandardCharsets.UTF_8))
            .isEqualTo(new String(boots.encode(event), StandardCharsets.UTF_8));
    }

    /**
     * Boot's encoder, given one character at a time, writes '?' for either half of a
     * surrogate pair.
     */
    @Test
    void aCharacterBeyondTheBasicPlaneIsWrittenWhole() {
        LoggerContext context = context();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, "skill \ud83d\ude00 saved",
                null, null);
        event.setMDCPropertyMap(Map.of());

        assertThat(new String(encoder(context, "ecs").encode(event), StandardCharsets.UTF_8))
            .contains("\"message\":\"skill \ud83d\ude00 saved\"");
    }

    @Test
    void anEmptyFormatWritesThePattern() {
        assertThat(encode("")).isEqualTo("INFO hello\n");
        assertThat(encode(null)).isEqualTo("INFO hello\n");
    }

    private static String encode(String format) {
        LoggerContext context = context();
        ConsoleLogEncoder encoder = encoder(context, format);
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, "hello", null, null);
        event.setMDCPropertyMap(Map.of());
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        return context;
    }

    private static ConsoleLogEncoder encoder(LoggerContext context, String format) {
        ConsoleLogEncoder encoder = new ConsoleLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%level %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

}
