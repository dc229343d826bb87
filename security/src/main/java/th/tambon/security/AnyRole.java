package th.tambon.security;

import io.micronaut.security.annotation.Secured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A read of programme data: open to a token with any of the four roles, to no one without a token. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.SCHOOL_DIRECTOR, Roles.VIEWER})
public @interface AnyRole {
}
