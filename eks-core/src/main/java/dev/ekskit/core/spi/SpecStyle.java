package dev.ekskit.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of every ekskit spec: users call {@code X.builder()} and {@code
 * toBuilder()} and never see a generated {@code Immutable*} type. Source retention: it leaves no
 * trace in the jars, whose users compile without Immutables.
 *
 * <pre>{@code
 * @Value.Immutable
 * @SpecStyle
 * public abstract class NodegroupSpec { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false),
    // No @Generated from Immutables' jar on the generated classes: users compile against ekskit's
    // jars without Immutables, and javac -Xlint warns of every annotation it cannot read.
    allowedClasspathAnnotations = {Override.class})
public @interface SpecStyle {}
