package com.tenx.skills.identity;

import com.tenx.skills.security.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler of a {@code /v2/handles/{handle}/...} route with the access it needs.
 * The check runs before the request body is read, in the contract's order: role, then
 * feature. A handler also mapped under {@code /v2/public/handles/{handle}/...} (the PAT
 * family) names the token scope it needs there, which is checked first.
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

    /**
     * The scope a personal access token needs on the PAT family; none for a route that
     * family does not map.
     */
    Scope[] scope() default {};

}
