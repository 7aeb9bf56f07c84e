/**
 * Tests against the moto AWS emulator over HTTP: {@link dev.ekskit.simulator.moto.MotoServer} finds
 * or starts the server, {@link dev.ekskit.simulator.moto.MotoTest @MotoTest} gives each test class a
 * fresh {@link dev.ekskit.simulator.moto.MotoAccount}.
 */
package dev.ekskit.simulator.moto;
