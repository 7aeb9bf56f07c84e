/**
 * JUnit 5 support for the simulated AWS: {@link dev.ekskit.simulator.junit.SimulatedAwsTest}.
 * Needs JUnit Jupiter on the test classpath, which ekskit does not bring.
 */
package dev.ekskit.simulator.junit;
