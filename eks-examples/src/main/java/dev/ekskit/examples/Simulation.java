package dev.ekskit.examples;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.testkit.SimulatedAws;

/** Wires a kit to a simulated AWS: its clients, and its virtual clock for every wait. */
public final class Simulation {
  private Simulation() {}

  public static EksKit kit(SimulatedAws aws, ProgressListener listener) {
    return EksKit.builder()
        .eksClient(aws.eks())
        .ec2Client(aws.ec2())
        .clock(aws.time().clock())
        .scheduler(aws.time().scheduler())
        .executor(aws.time().scheduler())
        .addListener(listener)
        .jitterSeed(7)
        .build();
  }
}
