package dev.ekskit.core.spi;

/**
 * When, in a blueprint's apply, a part is brought to its spec. Stages run in this order; parts of
 * one stage run at once (compute parts up to {@link
 * dev.ekskit.core.ApplyOptions#computeParallelism()}), and parts removed from the blueprint are
 * deleted at the end of their stage. Upgrades follow the same order: the control plane first, then
 * add-ons, then nodes.
 *
 * <pre>{@code
 * public BlueprintStage stage(NodegroupSpec part) {
 *   return BlueprintStage.COMPUTE;
 * }
 * }</pre>
 */
public enum BlueprintStage {
  /** The network and the cluster and node roles. */
  FOUNDATION,
  /** The cluster: created, or updated in place, or upgraded one minor version at a time. */
  CLUSTER,
  /** The OIDC provider and IRSA roles that add-ons and workloads run with. */
  IDENTITY,
  /** Add-ons nodes need to join and run pods: vpc-cni, kube-proxy, eks-pod-identity-agent. */
  ADDONS_BEFORE_NODES,
  /** Access entries and their access policies. */
  ACCESS,
  /** Node groups and Fargate profiles. */
  COMPUTE,
  /** Add-ons whose pods need nodes to run on, such as coredns and metrics-server. */
  ADDONS_AFTER_NODES,
  /** Pod Identity associations. */
  ASSOCIATIONS
}
