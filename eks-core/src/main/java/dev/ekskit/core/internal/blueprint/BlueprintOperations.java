package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.BlueprintDeletion;
import dev.ekskit.core.DeleteOptions;
import dev.ekskit.core.Operation;
import dev.ekskit.core.Plan;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.UpgradePlan;
import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.spi.CascadeStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** The operations of {@link dev.ekskit.core.Blueprints}, each one deadline for all its work. */
public final class BlueprintOperations {
  private BlueprintOperations() {}

  public static Operation<Plan> plan(KitServices kit, BlueprintRun run) {
    return kit.start(run.clusterRef(), null, deadline(kit, run), scope -> Planning.run(scope, run));
  }

  public static Operation<AppliedBlueprint> apply(
      KitServices kit, BlueprintRun run, ProgressListener listener) {
    return kit.start(
        run.clusterRef(), listener, deadline(kit, run), scope -> Applying.run(scope, run));
  }

  public static Operation<UpgradePlan> planUpgrade(
      KitServices kit, BlueprintRun run, String version) {
    return kit.start(
        run.clusterRef(), null, deadline(kit, run), scope -> Upgrading.plan(scope, run, version));
  }

  public static Operation<AppliedBlueprint> upgrade(
      KitServices kit, BlueprintRun run, String version, ProgressListener listener) {
    return kit.start(
        run.clusterRef(),
        listener,
        deadline(kit, run),
        scope -> Upgrading.run(scope, run, version));
  }

  public static Operation<BlueprintDeletion> delete(
      KitServices kit,
      String cluster,
      Optional<String> network,
      DeleteOptions options,
      ProgressListener listener,
      EksClient eks,
      Ec2Client ec2,
      ElasticLoadBalancingV2Client elb,
      List<CascadeStep> steps) {
    return kit.start(
        ResourceRef.cluster(cluster),
        listener,
        options.deadline().orElse(kit.engine().operationDeadline()),
        scope -> new Teardown(scope, eks, ec2, elb, steps, options).run(network));
  }

  private static Duration deadline(KitServices kit, BlueprintRun run) {
    return run.options().deadline().orElse(kit.engine().operationDeadline());
  }
}
