package org.openpeering.gateway.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method (DOMAIN.md §7). Reads (GET) are also open to the operator, who may read
 * everything. A method without this annotation is refused to every caller, unless it is explicitly
 * {@link jakarta.annotation.security.PermitAll}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    Role[] value();
}
