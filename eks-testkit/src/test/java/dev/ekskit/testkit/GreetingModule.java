package dev.ekskit.testkit;

import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;

/** A module found on the test class path, as eks-nodes or eks-fargate would be on a user's. */
public final class GreetingModule implements KitModule {
  /** What the module exposes: the extension injects it like a node-group or Fargate facade. */
  public record Greeter(String greeting) {}

  @Override
  public void install(KitContext kit) {
    kit.expose(Greeter.class, new Greeter("hello"));
  }
}
