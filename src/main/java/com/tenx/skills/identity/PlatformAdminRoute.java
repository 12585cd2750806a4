package com.tenx.skills.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a controller whose routes only platform admins may call. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PlatformAdminRoute {

}
