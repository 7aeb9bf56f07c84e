package dev.ekskit.nodes;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.nodes.internal.InstanceTypeRules;
import dev.ekskit.nodes.internal.NodePartRules;
import dev.ekskit.nodes.internal.NodegroupSpecRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/**
 * What an EKS managed node group should be. Immutable; {@code build()} checks every rule that needs
 * no AWS call (names, ids, {@code minSize <= desiredSize <= maxSize}, {@code maxSize >= 1}, one
 * kind of update limit, the AMI choice against the version) and reports all violations at once in
 * an {@link InvalidSpecException}.
 *
 * <pre>{@code
 * NodegroupSpec spec = NodegroupSpec.builder()
 *     .clusterName("orders")
 *     .name("general")
 *     .nodeRoleArn("arn:aws:iam::123456789012:role/eks-node")
 *     .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
 *     .addInstanceTypes("m7g.large")
 *     .ami(AmiChoice.bottlerocket(CpuArch.ARM64, Accelerator.NONE, false))
 *     .minSize(1).desiredSize(2).maxSize(4)
 *     .putLabels("workload", "general")
 *     .addTaints(NodeTaint.of("dedicated", "general", NodeTaint.Effect.PREFER_NO_SCHEDULE))
 *     .build();
 * }</pre>
 *
 * <p>Nodes get the cluster's Kubernetes version and the AMI family's recommended release unless
 * {@link #kubernetesVersion()} or {@link #amiSource()} say otherwise. EKS injects the bootstrap of
 * stock AMIs itself, so no user data is needed.
 *
 * <p>As a part of a {@link dev.ekskit.core.ClusterBlueprint} ("managed node group" in plans) it may
 * leave out its subnets and node role when the blueprint makes them, and follows the blueprint's
 * Kubernetes version. Apply changes scaling, labels, taints, update limits, the Kubernetes version
 * ({@code UpdateNodegroupVersion}, forced when the options say so), a pinned release and tags in
 * place; other fields need a new node group, which apply makes only when replacement is allowed.
 *
 * <pre>{@code
 * ClusterBlueprint.builder()
 *     .cluster(cluster).network(network).nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
 *     .addParts(NodegroupSpec.builder().clusterName("orders").name("general")
 *         .addInstanceTypes("m7g.large").ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
 *         .minSize(2).desiredSize(2).maxSize(6).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class NodegroupSpec implements BlueprintPart {
  NodegroupSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  public abstract String clusterName();

  /** 1–63 characters: letters, digits, {@code -} and {@code _}, starting with a letter or digit. */
  public abstract String name();

  /**
   * One or more subnets of the cluster's VPC. Required to create the group on its own; a part of a
   * {@link dev.ekskit.core.ClusterBlueprint} that makes a network may leave them out and gets the
   * network's node subnets.
   */
  public abstract List<String> subnetIds();

  /**
   * The IAM role the nodes run as (with AmazonEKSWorkerNodePolicy and ECR read access). Required to
   * create the group on its own; a part of a blueprint that makes a node role may leave it out.
   */
  public abstract Optional<String> nodeRoleArn();

  /**
   * Up to 20 instance types, checked against the AMI's architecture and accelerator. None means
   * {@code t3.medium} on x86_64 (what EKS picks) and {@code t4g.medium} on arm64, as for a
   * self-managed group; an accelerated AMI needs them given.
   */
  public abstract List<String> instanceTypes();

  /** {@link #instanceTypes()}, or the default for {@link #ami()} when none are given. */
  public List<String> effectiveInstanceTypes() {
    return InstanceTypeRules.effective(ami(), instanceTypes());
  }

  @Value.Default
  public CapacityTypes capacityType() {
    return CapacityTypes.ON_DEMAND;
  }

  @Value.Default
  public int minSize() {
    return 1;
  }

  /**
   * The initial number of nodes. A cluster autoscaler owns it afterwards, so a blueprint's apply
   * leaves a live desired size within {@code minSize..maxSize} alone and moves one outside that
   * range to its nearest end.
   */
  @Value.Default
  public int desiredSize() {
    return 2;
  }

  @Value.Default
  public int maxSize() {
    return 2;
  }

  /**
   * Size in GiB of the root volume: 20 by default, 50 on Windows (its AMI's own size, the least
   * allowed), as for a self-managed group. Not allowed with a launch template, which sizes its own.
   * EKS makes the volume; it is encrypted when the account encrypts new EBS volumes by default, or
   * as your launch template says.
   */
  public abstract Optional<Integer> volumeGib();

  public abstract Map<String, String> labels();

  /** Up to 50 taints, one per key and effect. */
  public abstract List<NodeTaint> taints();

  /** How many nodes an update may take down at once; at most one of the two limits. */
  public abstract Optional<Integer> maxUnavailable();

  public abstract Optional<Integer> maxUnavailablePercentage();

  @Value.Default
  public AmiChoice ami() {
    return AmiChoice.defaultChoice();
  }

  /**
   * {@code major.minor}; the cluster's version when absent (in a blueprint, the blueprint's, so
   * that an upgrade moves the nodes too).
   */
  public abstract Optional<String> kubernetesVersion();

  /**
   * Which image of {@link #ami()}: EKS's latest release by default, or {@link
   * AmiSource#release(String) a pinned EKS release} such as {@code 1.33.5-20251101}. An {@link
   * AmiSource#imageId(String) image id} only with {@link #customAmi()}, where it names the image
   * the launch template must hold (checked before the create).
   */
  @Value.Default
  public AmiSource amiSource() {
    return AmiSource.recommended();
  }

  /** A launch template id to take extra settings from. */
  public abstract Optional<String> launchTemplateId();

  /** Its version; the default version when absent. */
  public abstract Optional<String> launchTemplateVersion();

  /**
   * The launch template names its own AMI: the node group's {@code amiType} is {@code CUSTOM} and
   * EKS injects no bootstrap, so the template's user data must join the node (see {@link
   * UserData}). {@link #ami()} still describes the image, for the version and instance type checks.
   */
  @Value.Default
  public boolean customAmi() {
    return false;
  }

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  /** {@link #name()}: unique among the blueprint's managed node groups. */
  @Override
  public String partName() {
    return name();
  }

  /** Linux groups (custom AMIs count as Linux) can run CoreDNS and other Linux system pods. */
  @Override
  public boolean hostsLinuxSystemPods() {
    return !ami().isWindows();
  }

  /**
   * Subnets and a node role given or made by the blueprint, the AMI family against the blueprint's
   * Kubernetes version, and Linux capacity elsewhere for a Windows group.
   */
  @Override
  public List<Violation> violationsWithin(BlueprintFacts blueprint) {
    return NodePartRules.within(
        blueprint, this, "NodegroupSpec", subnetIds(), nodeRoleArn(), ami(), kubernetesVersion());
  }

  @Value.Check
  void check() {
    NodegroupSpecRules.check(this);
  }

  /** Builds a {@link NodegroupSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableNodegroupSpec.Builder {
    Builder() {}
  }
}
