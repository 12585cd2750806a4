package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.text.CodePoints;
import com.tenx.skills.web.JsonBodyReader;
import com.tenx.skills.web.RejectedAs;
import com.tenx.skills.web.StorableJson;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.hibernate.validator.constraints.Range;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A runtime PUT body: first the image ({@code invalid_image_ref}), then every other field
 * at once ({@code invalid_runtime}, one detail per problem). The image is a verified
 * catalog image ({@code catalog/<name>[:<tag>|@sha256:<64 hex>]}) or a private ECR image
 * ({@code <12 digits>.dkr.ecr.<region>.amazonaws.com[.cn]/<repo>[:<tag>|@sha256:<64 hex>]}).
 * {@code handle} and {@code skillKey} are the read-only fields a client echoes back from
 * a GET: strings if sent, never applied.
 */
@RejectedAs(ErrorCode.INVALID_RUNTIME)
@RuntimeBody.SessionCoversIdle
record RuntimeBody(
        @RejectedAs(ErrorCode.INVALID_IMAGE_REF) @NotNull(message = IMAGE) @Size(max = MAX_IMAGE_REF,
                message = IMAGE) @Pattern(regexp = CATALOG + "|" + ECR, message = IMAGE) String imageRef,
        @Size(max = MAX_ITEMS,
                message = JsonBodyReader.AT_MOST_ITEMS) List<@CodePoints(max = MAX_ITEM_LENGTH) String> command,
        @Size(max = MAX_ITEMS,
                message = JsonBodyReader.AT_MOST_ITEMS) List<@CodePoints(max = MAX_ITEM_LENGTH) String> args,
        @NotNull(message = JsonBodyReader.REQUIRED) @Range(min = 256, max = 16_384) Integer cpu,
        @NotNull(message = JsonBodyReader.REQUIRED) @Range(min = 512, max = 122_880) Integer memory,
        @NotNull(message = JsonBodyReader.REQUIRED) @Range(min = 60, max = 86_400) Integer idleTimeoutSec,
        @NotNull(message = JsonBodyReader.REQUIRED) @Range(min = 60, max = 86_400) Integer maxSessionSec,
        @Size(max = MAX_ITEMS,
                message = JsonBodyReader.AT_MOST_ITEMS) List<@CodePoints(max = MAX_ITEM_LENGTH) String> secretsRefs,
        @StorableJson ObjectNode networkPolicy, @StorableJson ObjectNode planGates, String handle, String skillKey) {

    static final int MAX_ITEMS = 64;

    static final int MAX_ITEM_LENGTH = 4_096;

    static final int MAX_IMAGE_REF = 512;

    private static final String SEGMENT = "[a-z0-9]+(?:[._-][a-z0-9]+)*";

    private static final String NAME = SEGMENT + "(?:/" + SEGMENT + ")*";

    private static final String REFERENCE = "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?";

    private static final String CATALOG = "catalog/" + NAME + REFERENCE;

    private static final String ECR = "[0-9]{12}\\.dkr\\.ecr\\.[a-z]{2}(?:-[a-z]+)+-[0-9]+\\.amazonaws\\.com(?:\\.cn)?/"
            + NAME + REFERENCE;

    private static final String IMAGE = "must be a verified catalog image (catalog/<name>[:<tag>]) or a private ECR image";

    /** The runtime as a PUT stores it, the lists and objects as normalised JSON. */
    RuntimeSpec spec() {
        return new RuntimeSpec(imageRef, json(command), json(args), cpu, memory, idleTimeoutSec, maxSessionSec,
                json(secretsRefs), object(networkPolicy), object(planGates));
    }

    private static String json(List<String> items) {
        return JsonMapper.shared().writeValueAsString(items == null ? List.of() : items);
    }

    private static String object(ObjectNode node) {
        return node == null ? "{}" : node.toString();
    }

    /**
     * A session may not end before the idle time-out could: reported on maxSessionSec.
     */
    @Constraint(validatedBy = SessionCoversIdle.Check.class)
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface SessionCoversIdle {

        String message() default "must be at least idleTimeoutSec";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<SessionCoversIdle, RuntimeBody> {

            @Override
            public boolean isValid(RuntimeBody body, ConstraintValidatorContext context) {
                if (body.idleTimeoutSec() == null || body.maxSessionSec() == null
                        || body.maxSessionSec() >= body.idleTimeoutSec()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("maxSessionSec")
                    .addConstraintViolation();
                return false;
            }

        }

    }

}
