package com.tenx.skills.skill;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Strong entity tags. A skill's tag is the handle change number of its last write; change
 * numbers are unique within a handle, so a tag never matches another state or another
 * skill.
 */
final class ETags {

    /**
     * Reads that carry an ETag may be kept by the client, but only used after
     * revalidating.
     */
    static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    /** {@link #REVALIDATE} as it is sent. */
    static final String REVALIDATE_HEADER = REVALIDATE.getHeaderValue();

    private static final String WEAK = "W/";

    private ETags() {
    }

    static String of(long changeSeq) {
        return "\"" + changeSeq + "\"";
    }

    /**
     * Whether an {@code If-Match}/{@code If-None-Match} value lists {@code etag} (or is
     * {@code *}), by strong comparison.
     */
    static boolean matches(String header, String etag) {
        return lists(header, etag, false);
    }

    /**
     * Whether an {@code If-None-Match} value on a read lists {@code etag} (or is
     * {@code *}), by the weak comparison RFC 9110 gives that header on a GET: a
     * {@code W/} prefix on a candidate is ignored.
     */
    static boolean matchesWeakly(String header, String etag) {
        return lists(header, etag, true);
    }

    private static boolean lists(String header, String etag, boolean weak) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (weak && tag.startsWith(WEAK)) {
                tag = tag.substring(WEAK.length());
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 304 Not Modified} for a read whose current tag the client holds. */
    static <T> ResponseEntity<T> notModified(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(REVALIDATE).build();
    }

}
