package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque cursors of the skill list. A <em>sync</em> cursor is a position in the
 * handle's change order: "everything up to change {@code seq} was delivered". A
 * <em>page</em> cursor continues a paged full listing taken at change {@code seq}, after
 * {@code afterKey}.
 */
record SyncCursor(long handleId, long seq, String afterKey) {

    private static final Pattern FORM = Pattern.compile("c1\\.([0-9]{1,18})\\.([0-9]{1,18})(?:\\.([a-z0-9-]{2,64}))?");

    static SyncCursor sync(long handleId, long seq) {
        return new SyncCursor(handleId, seq, null);
    }

    static SyncCursor page(long handleId, long seq, String afterKey) {
        return new SyncCursor(handleId, seq, afterKey);
    }

    boolean isPage() {
        return afterKey != null;
    }

    String encode() {
        String plain = "c1." + handleId + "." + seq + (afterKey == null ? "" : "." + afterKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static SyncCursor decode(String value) {
        String plain;
        try {
            if (value.length() > 200) {
                throw new IllegalArgumentException();
            }
            plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
        }
        catch (IllegalArgumentException e) {
            throw malformed();
        }
        Matcher matcher = FORM.matcher(plain);
        if (!matcher.matches()) {
            throw malformed();
        }
        return new SyncCursor(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), matcher.group(3));
    }

    private static InvalidInput malformed() {
        return InvalidInput.field(ErrorCode.INVALID_CURSOR, "since", "is not a cursor this server issued");
    }
}
