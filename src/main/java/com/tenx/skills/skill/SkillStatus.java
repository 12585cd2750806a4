package com.tenx.skills.skill;

/** The stored status of a skill. Only {@code POST /publish} sets {@link #PUBLISHED}. */
enum SkillStatus {

    DRAFT, DISABLED, PUBLISHED;

    /**
     * The status the list shows: computed from the stored status and whether a runtime
     * exists.
     */
    String runtimeStatus(boolean hasRuntime) {
        return switch (this) {
            case DISABLED -> "disabled";
            case PUBLISHED -> "published";
            case DRAFT -> hasRuntime ? "ready" : "draft";
        };
    }

}
