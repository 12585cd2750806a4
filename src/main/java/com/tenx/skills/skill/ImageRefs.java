package com.tenx.skills.skill;

import java.util.regex.Pattern;

/**
 * Runtime images a skill may run: a verified catalog image
 * ({@code catalog/<name>[:<tag>|@sha256:<64 hex>]}) or a private ECR image
 * ({@code <12 digits>.dkr.ecr.<region>.amazonaws.com[.cn]/<repo>[:<tag>|@sha256:<64 hex>]}).
 */
final class ImageRefs {

    private static final String SEGMENT = "[a-z0-9]+(?:[._-][a-z0-9]+)*";

    private static final String NAME = SEGMENT + "(?:/" + SEGMENT + ")*";

    private static final String REFERENCE = "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?";

    private static final Pattern CATALOG = Pattern.compile("catalog/" + NAME + REFERENCE);

    private static final Pattern ECR = Pattern
        .compile("[0-9]{12}\\.dkr\\.ecr\\.[a-z]{2}(?:-[a-z]+)+-[0-9]+\\.amazonaws\\.com(?:\\.cn)?/" + NAME + REFERENCE);

    static final int MAX_LENGTH = 512;

    private ImageRefs() {
    }

    static boolean acceptable(String imageRef) {
        return imageRef.length() <= MAX_LENGTH
                && (CATALOG.matcher(imageRef).matches() || ECR.matcher(imageRef).matches());
    }

}
