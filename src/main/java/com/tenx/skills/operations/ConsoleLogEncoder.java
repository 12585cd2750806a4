package com.tenx.skills.operations;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder as Spring Boot would choose it without a
 * {@code logback-spring.xml}: the structured format
 * ({@code logging.structured.format.console}, {@code ecs} unless
 * {@code SKILLS_LOG_FORMAT} says otherwise) when one is set, else Boot's console pattern.
 * {@code logback-spring.xml} needs it because it puts the console behind an asynchronous
 * appender and Logback's XML cannot choose between two encoders without Janino.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

    private String format;

    private String pattern;

    private Charset charset;

    private Encoder<ILoggingEvent> delegate;

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
        }
        else {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setContext(getContext());
            plain.setPattern(pattern);
            plain.setCharset(charset);
            this.delegate = plain;
        }
        this.delegate.start();
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
        return this.delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return this.delegate.footerBytes();
    }

}
