/**
 * JUnit 5 support for the simulated AWS: {@link dev.ekskit.testkit.junit.SimulatedAwsTest}.
 * Needs JUnit Jupiter on the test classpath, which ekskit does not bring.
 */
package dev.ekskit.testkit.junit;
