package com.tenx.skills.text;

import java.text.Normalizer;

/**
 * The one normal form of an email address, wherever addresses are compared (accounts,
 * login limits): Unicode NFKC, trimmed, then lower-cased with ASCII rules. NFKC first, so
 * that the spellings a person reads as the same address (a decomposed accent, the Kelvin
 * sign for {@code K}, full-width letters) are one.
 */
public final class EmailForm {

    private EmailForm() {
    }

    public static String of(String raw) {
        return Ascii.lowerCase(Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).strip());
    }

}
