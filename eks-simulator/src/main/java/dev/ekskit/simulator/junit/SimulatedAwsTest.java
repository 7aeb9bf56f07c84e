package dev.ekskit.simulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests take a {@link dev.ekskit.simulator.SimulatedAws} parameter: each
 * test gets a fresh one, closed afterwards. See {@link SimulatedAwsExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SimulatedAwsExtension.class)
public @interface SimulatedAwsTest {}
