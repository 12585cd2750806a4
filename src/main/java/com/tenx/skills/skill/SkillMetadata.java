package com.tenx.skills.skill;

/**
 * Validated skill metadata, as a PUT stores it. {@code tools} is the normalised JSON
 * array of {@code {"type","name","config"}} objects.
 */
record SkillMetadata(String title, String description, String systemPrompt, String tools, SkillStatus status) {
}
