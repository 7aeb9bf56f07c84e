package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What every EKS store shares: region, account, virtual clock, seeded draws, faults, tags, the
 * network, Auto Mode's instances, the agenda of what happens at a known time, and EC2's launch
 * templates that node groups launch from.
 */
record EksContext(
    String region,
    String accountId,
    Supplier<Instant> clock,
    DurationSampler durations,
    FaultPlan faults,
    Ids ids,
    TagRegistry tags,
    Ec2Network network,
    AutoModeNodes autoModeNodes,
    Agenda agenda,
    LaunchTemplateStore launchTemplates) {

  Instant now() {
    return clock.get();
  }

  Duration draw(Transition transition) {
    return durations.draw(transition);
  }

  /** "arn:aws:eks:REGION:ACCOUNT:" + resource, e.g. "cluster/orders". */
  String arn(String resource) {
    return "arn:aws:eks:" + region + ":" + accountId + ":" + resource;
  }
}
