package com.tenx.skills.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler of a {@code /v2/handles/{handle}/...} route with the access it needs.
 * The check runs before the request body is read, in the contract's order: role, then
 * feature.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HandleRoute {

    /** The lowest role that may call the route. */
    Role value();

    /** A plan feature the handle's tenant must have, or empty for none. */
    String feature() default "";

    /** Whether a platform admin may call the route without a membership. */
    boolean platformAdmin() default false;

}
