package com.tenx.skills.web;

import com.tenx.skills.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with {@code 413 payload_too_large}: at once when
 * the declared length is too big, and while reading when a chunked body grows past it.
 */
public class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    private final ErrorResponses errors;

    public BodySizeLimit(long maxBytes, ErrorResponses errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLargeMessage());
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    private String tooLargeMessage() {
        return "The request body is larger than " + maxBytes + " bytes.";
    }

    /** Thrown while reading a body that grows past the limit; mapped to 413. */
    public static final class TooLarge extends IOException {

        TooLarge(String message) {
            super(message);
        }

    }

    private final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

    }

    private final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private long count;

        CountingStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) throws TooLarge {
            count += n;
            if (count > maxBytes) {
                throw new TooLarge(tooLargeMessage());
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

    }

}
