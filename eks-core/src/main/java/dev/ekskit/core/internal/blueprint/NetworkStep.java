package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.network.NetworkCreation;
import dev.ekskit.core.internal.network.NetworkDescription;
import dev.ekskit.core.internal.network.NetworkReview;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The blueprint's network: made as {@link dev.ekskit.core.Networks} makes it, for the blueprint's
 * cluster and with its tag. EC2 changes none of its layout in place; a network that is only partly
 * there (a create stopped halfway) is finished.
 */
final class NetworkStep extends CoreStep<NetworkSpec> {
  NetworkStep(BlueprintRun run) {
    super(run, NetworkSpec.class, "network");
  }

  @Override
  public String name(NetworkSpec spec) {
    return spec.name();
  }

  @Override
  public BlueprintStage stage(NetworkSpec spec) {
    return BlueprintStage.FOUNDATION;
  }

  @Override
  public PlannedChange plan(NetworkSpec spec, BlueprintContext blueprint) {
    Optional<NetworkInfo> found = NetworkDescription.of(run.ec2(), spec.name());
    found.ifPresent(run::network);
    if (found.isEmpty() || !NetworkReview.isComplete(spec, found.get())) {
      List<String> zones = NetworkReview.zones(run.ec2(), complete(spec));
      String note = "zones " + String.join(", ", zones) + ", NAT " + spec.natMode();
      return PlannedChange.create(
          kind(), spec.name(), found.isEmpty() ? note : "partly there: " + note);
    }
    NetworkInfo network = found.get();
    return PlannedChange.compare(
        kind(),
        spec.name(),
        NetworkReview.differences(spec, network),
        Set.of(),
        network.vpcId() + " in " + String.join(", ", network.zones()));
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, NetworkSpec spec, BlueprintContext blueprint) {
    Scope own = scope.child(new ResourceRef("network", spec.name()));
    // Run even when nothing differs: a NAT gateway a stopped run left pending is waited for.
    return compareThen(
        own,
        spec,
        true,
        change ->
            new NetworkCreation(own, run.ec2(), complete(spec)).run().thenAccept(run::network));
  }

  /** The spec as the blueprint makes it: for its cluster, with its tag. */
  NetworkSpec complete(NetworkSpec spec) {
    return spec.toBuilder().clusterName(run.clusterName()).tags(run.tags(spec.tags())).build();
  }
}
