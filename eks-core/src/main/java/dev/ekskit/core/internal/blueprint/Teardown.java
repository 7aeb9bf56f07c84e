package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.BlueprintDeletion;
import dev.ekskit.core.DeleteOptions;
import dev.ekskit.core.DeletionRefusedException;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.internal.CascadeDelete;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.internal.network.NetworkDeletion;
import dev.ekskit.core.internal.network.NetworkDescription;
import dev.ekskit.core.internal.network.NetworkReview;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * A blueprint's delete, in reverse: first a look for load balancers Kubernetes controllers left in
 * the VPC (refused with their list unless asked to delete them, before anything is deleted); then
 * the cluster's cascade (Fargate profiles one at a time, node groups and the modules' parts,
 * add-ons, the cluster, then the roles and OIDC provider made for it); then those load balancers,
 * once no controller can make them again; then the network the blueprint made. Every part is found
 * on its own, so a delete stopped anywhere finishes when run again.
 */
public final class Teardown {
  private final Scope scope;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final KubernetesLeftovers leftovers;
  private final List<CascadeStep> steps;
  private final DeleteOptions options;
  private final String cluster;

  public Teardown(
      Scope scope,
      EksClient eks,
      Ec2Client ec2,
      ElasticLoadBalancingV2Client elb,
      List<CascadeStep> steps,
      DeleteOptions options) {
    this.scope = scope;
    this.eks = eks;
    this.ec2 = ec2;
    this.leftovers = new KubernetesLeftovers(elb, ec2, scope.resource().name());
    this.steps = steps;
    this.options = options;
    this.cluster = scope.resource().name();
  }

  /**
   * Deletes the cluster and, when {@code networkName} finds one, the network the blueprint made.
   */
  public CompletableFuture<BlueprintDeletion> run(Optional<String> networkName) {
    return scope
        .read(
            Steps.find("network"),
            () -> networkName.or(() -> NetworkReview.ofBlueprint(ec2, cluster)))
        .thenCompose(
            network ->
                scope
                    .read(Steps.find("VPC"), () -> vpcOf(network))
                    .thenCompose(vpc -> refuseLeftovers(vpc).thenApply(checked -> vpc))
                    .thenCompose(
                        vpc ->
                            CascadeDelete.run(scope, eks, ec2, steps)
                                .thenCompose(
                                    deletion ->
                                        deleteLeftovers(vpc)
                                            .thenCompose(
                                                removed ->
                                                    deleteNetwork(network)
                                                        .thenApply(
                                                            parts ->
                                                                new BlueprintDeletion(
                                                                    cluster, deletion, removed,
                                                                    parts))))));
  }

  /** The VPC to look in: the cluster's, else the network's; empty when both are gone. */
  private Optional<String> vpcOf(Optional<String> network) {
    return ClusterWaits.find(eks, cluster)
        .map(found -> found.resourcesVpcConfig().vpcId())
        .or(
            () ->
                network.flatMap(name -> NetworkDescription.of(ec2, name)).map(NetworkInfo::vpcId));
  }

  private CompletableFuture<Boolean> refuseLeftovers(Optional<String> vpc) {
    if (vpc.isEmpty()) {
      return CompletableFuture.completedFuture(true);
    }
    return scope
        .read(Steps.find("load balancers"), () -> leftovers.find(vpc.get()))
        .thenApply(
            found -> {
              if (!found.classicLoadBalancers().isEmpty()) {
                throw refusal(
                    found,
                    "classic load balancers made for its Services are still in VPC "
                        + vpc.get()
                        + ", and ekskit cannot delete classic load balancers: delete the"
                        + " cluster's Services of type LoadBalancer (kubectl delete svc ...), or"
                        + " the load balancers (aws elb delete-load-balancer"
                        + " --load-balancer-name <name>), then delete again");
              }
              if (!found.isEmpty() && !options.deleteLoadBalancers()) {
                throw refusal(
                    found,
                    "load balancers Kubernetes controllers made are still in VPC "
                        + vpc.get()
                        + ": delete the cluster's Services of type LoadBalancer and its Ingresses"
                        + " (kubectl delete svc,ingress ...) so that their controllers remove them,"
                        + " or delete with DeleteOptions.builder().deleteLoadBalancers(true)");
              }
              return true;
            });
  }

  private DeletionRefusedException refusal(KubernetesLeftovers.Found found, String reason) {
    return new DeletionRefusedException(ResourceRef.cluster(cluster), reason, found.described());
  }

  /** Once the cluster is gone no controller makes them again: find them afresh and delete. */
  private CompletableFuture<List<String>> deleteLeftovers(Optional<String> vpc) {
    if (vpc.isEmpty() || !options.deleteLoadBalancers()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return scope
        .read(Steps.find("load balancers"), () -> leftovers.find(vpc.get()))
        .thenCompose(found -> leftovers.delete(scope, vpc.get(), found));
  }

  private CompletableFuture<List<String>> deleteNetwork(Optional<String> network) {
    if (network.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    String name = network.get();
    return new NetworkDeletion(scope.child(new ResourceRef("network", name)), ec2, name).run();
  }
}
