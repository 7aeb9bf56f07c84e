package dev.ekskit.simulator.moto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the moto emulator, with a {@link MotoAccount} injected by
 * {@link MotoExtension}, and tags it {@code moto} so builds can select or exclude it.
 *
 * <pre>{@code
 * @MotoTest
 * class AmiResolutionTest {
 *     @Test
 *     void resolve_al2023Arm_findsImage(MotoAccount account) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Tag("moto")
@ExtendWith(MotoExtension.class)
public @interface MotoTest {}
