package com.tenx.skills.web;

import com.tenx.skills.error.ErrorCode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error code of every problem in a field of a request body (on a record component),
 * or in every field of a record (on the record), unless a field inside says otherwise; or
 * of every problem a constraint finds (on the constraint's annotation type), wherever it
 * reports it. Read by {@link JsonBodyReader}; without it a problem is
 * {@code invalid_request}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.TYPE })
public @interface RejectedAs {

    ErrorCode value();

}
