package com.tenx.skills.skill;

import com.tenx.skills.config.Deployment;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.text.CodePoints;
import com.tenx.skills.web.JsonBodyReader;
import com.tenx.skills.web.RejectedAs;
import com.tenx.skills.web.StorableJson;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A metadata PUT body, its fields in the order the contract checks them: the plain fields
 * ({@code invalid_request}, every problem at once), then {@code status}
 * ({@code invalid_status}), then the tools ({@code invalid_tools},
 * {@code invalid_tool_type}, {@code invalid_tool_name}). {@code title} is the alias of
 * {@code displayName}, used only when {@code displayName} is absent. The read-only fields
 * a client echoes back from a GET ({@code skillKey}, {@code runtimeStatus},
 * {@code updatedAt}, {@code publishedVersion}) must be strings if sent, and are never
 * applied.
 */
record MetadataBody(@CodePoints(min = 1, max = MAX_TITLE, message = NAME) String displayName,
        @CodePoints(min = 1, max = MAX_TITLE, message = NAME) String title,
        @CodePoints(max = MAX_DESCRIPTION) String description, @CodePoints(max = MAX_PROMPT) String systemPrompt,
        String skillKey, String runtimeStatus, String updatedAt, String publishedVersion,
        @RejectedAs(ErrorCode.INVALID_STATUS) @Pattern(regexp = "DRAFT|DISABLED",
                message = "must be DRAFT or DISABLED; publishing is done with POST .../publish") String status,
        @RejectedAs(ErrorCode.INVALID_TOOLS) @Size(max = MAX_TOOLS,
                message = JsonBodyReader.AT_MOST_ITEMS) @UniqueToolNames List<@NotNull(
                        message = "must be an object") @Valid Tool> tools) {

    static final int MAX_TITLE = 200;

    static final int MAX_DESCRIPTION = 2_000;

    static final int MAX_PROMPT = 100_000;

    static final int MAX_TOOLS = 64;

    static final String NAME = "must be {min} to {max} characters after trimming";

    MetadataBody {
        // The alias counts only without displayName; no name at all is an empty one.
        title = displayName == null && title != null ? title.strip() : null;
        displayName = displayName != null ? displayName.strip() : title == null ? "" : null;
    }

    /** The metadata as a PUT stores it, the tools as normalised JSON. */
    SkillMetadata metadata() {
        return new SkillMetadata(displayName != null ? displayName : title, description == null ? "" : description,
                systemPrompt == null ? "" : systemPrompt,
                JsonMapper.shared().writeValueAsString(tools == null ? List.of() : tools),
                status == null ? SkillStatus.DRAFT : SkillStatus.valueOf(status));
    }

    /** One tool: {@code {"type","name","config"}}, checked in that order. */
    record Tool(
            @RejectedAs(ErrorCode.INVALID_TOOL_TYPE) @NotNull(message = TYPE) @Pattern(regexp = "http|mcp",
                    message = TYPE) String type,
            @RejectedAs(ErrorCode.INVALID_TOOL_NAME) @NotNull(message = TOOL_NAME) @Pattern(
                    regexp = "[A-Za-z][A-Za-z0-9_-]{0,63}", message = TOOL_NAME) String name,
            @NotNull(message = "must be an object") @StorableJson @ToolUrl ObjectNode config) {

        static final String TYPE = "must be http or mcp";

        static final String TOOL_NAME = "must start with a letter and have at most 64 letters, digits, '_' or '-'";

    }

    /**
     * A tool's {@code config.url}: an absolute {@code https://} URL; plain
     * {@code http://} only to this machine, and only in the embedded default.
     */
    @Constraint(validatedBy = ToolUrl.Check.class)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.FIELD, ElementType.PARAMETER })
    @interface ToolUrl {

        String message() default "must be an absolute https:// URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<ToolUrl, ObjectNode> {

            private final boolean allowLocalHttp;

            Check(Deployment deployment) {
                this.allowLocalHttp = deployment.embeddedDatabase();
            }

            @Override
            public boolean isValid(ObjectNode config, ConstraintValidatorContext context) {
                JsonNode url = config == null ? null : config.get("url");
                if (config == null || url != null && url.isString() && acceptable(url.stringValue())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context
                    .buildConstraintViolationWithTemplate(
                            allowLocalHttp ? "must be an absolute https:// URL (or http://localhost)"
                                    : "must be an absolute https:// URL")
                    .addPropertyNode("url")
                    .addConstraintViolation();
                return false;
            }

            private boolean acceptable(String value) {
                if (value.length() > 2048 || !value.equals(value.strip())) {
                    return false;
                }
                URI uri;
                try {
                    uri = new URI(value);
                }
                catch (URISyntaxException e) {
                    return false;
                }
                String scheme = uri.getScheme();
                String host = uri.getHost();
                if (scheme == null || host == null || host.isEmpty() || uri.isOpaque()) {
                    return false;
                }
                if ("https".equalsIgnoreCase(scheme)) {
                    return true;
                }
                return allowLocalHttp && "http".equalsIgnoreCase(scheme)
                        && ("localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
            }

        }

    }

    /** No two tools of a skill share a name; the later one is reported. */
    @RejectedAs(ErrorCode.INVALID_TOOLS)
    @Constraint(validatedBy = UniqueToolNames.Check.class)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.FIELD, ElementType.PARAMETER })
    @interface UniqueToolNames {

        String message() default "duplicates another tool's name";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<UniqueToolNames, List<Tool>> {

            @Override
            public boolean isValid(List<Tool> tools, ConstraintValidatorContext context) {
                if (tools == null) {
                    return true;
                }
                Set<String> names = new HashSet<>();
                boolean unique = true;
                for (int i = 0; i < tools.size(); i++) {
                    Tool tool = tools.get(i);
                    if (tool != null && tool.name() != null && !names.add(tool.name())) {
                        if (unique) {
                            context.disableDefaultConstraintViolation();
                            unique = false;
                        }
                        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("name")
                            .inIterable()
                            .atIndex(i)
                            .addConstraintViolation();
                    }
                }
                return unique;
            }

        }

    }

}
