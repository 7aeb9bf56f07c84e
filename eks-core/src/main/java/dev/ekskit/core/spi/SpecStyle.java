package dev.ekskit.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of every ekskit spec: users call {@code X.builder()} and {@code
 * toBuilder()} and never see a generated {@code Immutable*} type.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false))
public @interface SpecStyle {}
