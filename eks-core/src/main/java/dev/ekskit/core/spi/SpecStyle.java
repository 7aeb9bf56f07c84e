package dev.ekskit.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of every ekskit spec: users call {@code X.builder()} and {@code
 * toBuilder()} and never need a generated {@code Immutable*} type. Source retention: it leaves no
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
    // Public so that the builder's setters, declared on the generated builder that X.Builder
    // extends, can be called through reflection (binders, tools); users still write X.builder().
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    overshadowImplementation = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false),
    // A missing field is one more violation in the spec's InvalidSpecException, reported with all
    // the others by its rules, instead of an IllegalStateException before they run.
    validationMethod = Value.Style.ValidationMethod.NONE,
    // No @Generated from Immutables' jar on the generated classes: users compile against ekskit's
    // jars without Immutables, and javac -Xlint warns of every annotation it cannot read.
    allowedClasspathAnnotations = {Override.class})
public @interface SpecStyle {}
