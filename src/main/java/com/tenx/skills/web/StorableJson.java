package com.tenx.skills.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import tools.jackson.databind.JsonNode;

/**
 * Free-form JSON the database can store: no string or property name inside holds a NUL
 * character or an unpaired surrogate. (Strings bound to a field are checked as they are
 * read, by {@link JsonBodyReader}.) {@code null} is valid.
 */
@Constraint(validatedBy = StorableJson.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
public @interface StorableJson {

    String message() default JsonBodyReader.UNSTORABLE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<StorableJson, JsonNode> {

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || storable(value);
        }

        /** Whether a string can be stored: no NUL character and no unpaired surrogate. */
        public static boolean storable(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\0' || Character.isLowSurrogate(c)) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }

        private static boolean storable(JsonNode node) {
            if (node.isString()) {
                return storable(node.stringValue());
            }
            if (node.isObject()) {
                return node.properties()
                    .stream()
                    .allMatch(property -> storable(property.getKey()) && storable(property.getValue()));
            }
            return !node.isArray() || node.valueStream().allMatch(Check::storable);
        }

    }

}
