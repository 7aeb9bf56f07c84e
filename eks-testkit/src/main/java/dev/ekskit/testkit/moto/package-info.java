/**
 * Tests against the moto AWS emulator over HTTP: {@link dev.ekskit.testkit.moto.MotoServer} finds
 * or starts the server, {@link dev.ekskit.testkit.moto.MotoTest @MotoTest} gives each test class a
 * fresh {@link dev.ekskit.testkit.moto.MotoAccount}.
 */
package dev.ekskit.testkit.moto;
