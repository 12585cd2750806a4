package com.tenx.skills.operations;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * The console's encoder as Spring Boot would choose it without a
 * {@code logback-spring.xml}: the structured format
 * ({@code logging.structured.format.console}, {@code ecs} unless
 * {@code SKILLS_LOG_FORMAT} says otherwise) when one is set, else Boot's console pattern.
 * {@code logback-spring.xml} needs it because it puts the console behind an asynchronous
 * appender and Logback's XML cannot choose between two encoders without Janino.
 * <p>
 * A structured line is formatted to a {@code String} and encoded once. Boot's own
 * {@code StructuredLogEncoder.encode} writes the same JSON through an appender that wraps
 * every character it is given in a new {@code char[]} and {@code CharBuffer}: about 30 KB
 * of garbage for a 500-byte access line, more than the request that logged it allocated.
 * The formatter is Boot's, taken from its encoder; should a later Boot hide it, Boot's
 * {@code encode} is used as it is.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

    private String format;

    private String pattern;

    private Charset charset;

    private Encoder<ILoggingEvent> delegate;

    private StructuredLogFormatter<ILoggingEvent> formatter;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setContext(getContext());
            structured.setFormat(format.strip());
            structured.setCharset(charset);
            this.delegate = structured;
            structured.start();
            this.formatter = formatterOf(structured);
        }
        else {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setContext(getContext());
            plain.setPattern(pattern);
            plain.setCharset(charset);
            this.delegate = plain;
        }
        if (!this.delegate.isStarted()) {
            this.delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (this.delegate != null) {
            this.delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return this.delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (this.formatter != null) {
            return this.formatter.format(event).getBytes(charset == null ? StandardCharsets.UTF_8 : charset);
        }
        return this.delegate.encode(event);
    }

    /**
     * Whether structured lines skip Boot's per-character byte encoding (for the tests).
     */
    boolean formatsToString() {
        return this.formatter != null;
    }

    @SuppressWarnings("unchecked")
    private static StructuredLogFormatter<ILoggingEvent> formatterOf(StructuredLogEncoder encoder) {
        try {
            Field field = StructuredLogEncoder.class.getDeclaredField("formatter");
            field.setAccessible(true);
            return (StructuredLogFormatter<ILoggingEvent>) field.get(encoder);
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public byte[] footerBytes() {
        return this.delegate.footerBytes();
    }

}
