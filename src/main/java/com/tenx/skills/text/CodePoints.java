package com.tenx.skills.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string of {@code min} to {@code max} characters, counted as the contract counts them:
 * in code points, so an emoji is one character, not two. {@code null} is valid.
 */
@Constraint(validatedBy = CodePoints.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
public @interface CodePoints {

    int min() default 0;

    int max();

    String message() default "must be at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CodePoints, String> {

        private int min;

        private int max;

        @Override
        public void initialize(CodePoints limits) {
            this.min = limits.min();
            this.max = limits.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = value.codePointCount(0, value.length());
            return length >= min && length <= max;
        }

    }

}
