package io.crmkit.core.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every crmkit value type: implementations stay package-private behind
 * the abstract type, so callers build values with {@code new Customer.Builder()} and never see the
 * generated class.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    jakarta = true,
    depluralize = true,
    depluralizeDictionary = {"address:addresses"},
    defaults = @Value.Immutable(copy = true),
    // No @Generated on generated classes: Immutables is compile-only, and downstream compilers
    // would warn about the annotation type they cannot find.
    allowedClasspathAnnotations = {Override.class})
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface CrmStyle {}
