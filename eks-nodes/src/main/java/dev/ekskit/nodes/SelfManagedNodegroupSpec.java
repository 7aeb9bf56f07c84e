package dev.ekskit.nodes;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.nodes.internal.InstanceTypeRules;
import dev.ekskit.nodes.internal.NodePartRules;
import dev.ekskit.nodes.internal.SelfManagedSpecRules;
import dev.ekskit.nodes.internal.VolumeRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/**
 * What a self-managed node group should be: an Auto Scaling group of EC2 instances that you own,
 * started from a launch template ekskit writes (resolved AMI, user data that joins the cluster,
 * IMDSv2 required, encrypted gp3 volumes), with an instance profile for the node role and an EKS
 * access entry that lets the nodes join. {@code build()} checks every rule that needs no AWS call
 * and reports all violations at once in an {@link InvalidSpecException}.
 *
 * <pre>{@code
 * SelfManagedNodegroupSpec spec = SelfManagedNodegroupSpec.builder()
 *     .clusterName("orders")
 *     .name("batch")
 *     .nodeRoleArn("arn:aws:iam::123456789012:role/eks-node")
 *     .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
 *     .addInstanceTypes("m7g.large", "m6g.large")
 *     .capacityType(CapacityTypes.SPOT)
 *     .ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
 *     .minSize(0).desiredSize(2).maxSize(10)
 *     .putLabels("workload", "batch")
 *     .addTaints(NodeTaint.of("dedicated", "batch", NodeTaint.Effect.NO_SCHEDULE))
 *     .build();
 * }</pre>
 *
 * <p>The launch template, the Auto Scaling group and the instance profile are all named {@code
 * <clusterName>-<name>}. The group's instances carry {@code kubernetes.io/cluster/<clusterName> =
 * owned}. Nodes get the cluster's Kubernetes version and the family's recommended AMI unless {@link
 * #kubernetesVersion()} or {@link #amiSource()} say otherwise.
 *
 * <p>Windows groups need Linux or Fargate capacity for CoreDNS, the cluster role's {@code
 * AmazonEKSVPCResourceController} policy, and Windows IPAM enabled in the VPC CNI; the create
 * checks the first two and needs {@link #vpcCniWindowsIpamEnabled()} for the third.
 *
 * <p>As a part of a {@link dev.ekskit.core.ClusterBlueprint} ("self-managed node group" in plans)
 * it may leave out its subnets and node role when the blueprint makes them, and its nodes follow
 * the blueprint's Kubernetes version unless {@link #kubernetesVersion()} pins one. Apply changes
 * the Auto Scaling group in place (scaling, subnets, instance types, capacity type); anything in
 * the launch template (the AMI, so a new Kubernetes version, labels, taints, max pods, commands,
 * volumes, IMDS, security groups) takes a new template version, made the default, and an instance
 * refresh that replaces the nodes a batch at a time, at least 90% of them in service. Only a new
 * node role needs a new group.
 */
@Value.Immutable
@SpecStyle
public abstract class SelfManagedNodegroupSpec implements BlueprintPart {
  SelfManagedNodegroupSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  public abstract String clusterName();

  /**
   * 1–63 characters: letters, digits, {@code -} and {@code _}, starting with a letter or digit;
   * {@code <clusterName>-<name>} at most 128 characters.
   */
  public abstract String name();

  /**
   * One or more subnets of the cluster's VPC; private ones unless the nodes need public IPs.
   * Required to create the group on its own; a part of a {@link dev.ekskit.core.ClusterBlueprint}
   * that makes a network may leave them out and gets the network's node subnets.
   */
  public abstract List<String> subnetIds();

  /**
   * The IAM role the nodes run as (with AmazonEKSWorkerNodePolicy and ECR read access). Required to
   * create the group on its own; a part of a blueprint that makes a node role may leave it out.
   */
  public abstract Optional<String> nodeRoleArn();

  /**
   * Up to 20 EC2 instance types, each checked against the AMI's architecture and accelerator. None
   * means {@code t3.medium} on x86_64 and {@code t4g.medium} on arm64, as for a managed group; an
   * accelerated AMI needs them given. One on-demand type makes a plain group; several, or Spot, a
   * group with a mixed instances policy that lists them in this order of priority.
   */
  public abstract List<String> instanceTypes();

  /** {@link #instanceTypes()}, or the default for {@link #ami()} when none are given. */
  public List<String> effectiveInstanceTypes() {
    return InstanceTypeRules.effective(ami(), instanceTypes());
  }

  /**
   * {@code ON_DEMAND} (the default) or {@code SPOT}. Spot uses the price-capacity-optimized
   * allocation strategy over {@link #instanceTypes()}: give several types for capacity to choose
   * from.
   */
  @Value.Default
  public CapacityTypes capacityType() {
    return CapacityTypes.ON_DEMAND;
  }

  /** Whether the group needs a mixed instances policy: several types, or Spot. */
  @Value.Derived
  public boolean mixedInstances() {
    return effectiveInstanceTypes().size() > 1 || capacityType() == CapacityTypes.SPOT;
  }

  @Value.Default
  public AmiChoice ami() {
    return AmiChoice.defaultChoice();
  }

  /** Which image of {@link #ami()}: the recommended one unless a release or an id is pinned. */
  @Value.Default
  public AmiSource amiSource() {
    return AmiSource.recommended();
  }

  /**
   * {@code major.minor}; the cluster's version when absent (in a blueprint, the blueprint's, so
   * that an upgrade moves the nodes too: a new launch template version and an instance refresh).
   */
  public abstract Optional<String> kubernetesVersion();

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
   * Size in GiB of the volume that holds images and pods: the root volume, or Bottlerocket's data
   * volume, encrypted gp3. 20 by default, 50 on Windows (its AMI's own size, the least allowed), as
   * for a managed group.
   */
  public abstract Optional<Integer> volumeGib();

  /** A KMS key for the volumes; the account's default EBS key when absent. */
  public abstract Optional<String> kmsKeyId();

  /** IMDSv2 hop limit; see {@link LaunchTemplateSpec#metadataHopLimit()}. */
  @Value.Default
  public int metadataHopLimit() {
    return 2;
  }

  /**
   * Security groups besides the cluster security group, which every node gets so that it can talk
   * to the control plane and the other nodes.
   */
  public abstract List<String> securityGroupIds();

  public abstract Map<String, String> labels();

  /** Up to 50 taints, one per key and effect, registered by kubelet as the node joins. */
  public abstract List<NodeTaint> taints();

  public abstract Optional<Integer> maxPods();

  /** Shell (on Windows, PowerShell) lines that run before the node joins; none on Bottlerocket. */
  public abstract List<String> preBootstrapCommands();

  /**
   * Windows only: you set {@code enable-windows-ipam: "true"} in the ConfigMap {@code
   * kube-system/amazon-vpc-cni}. ekskit cannot read Kubernetes objects through AWS APIs, so a
   * Windows group is refused until you say so here.
   */
  @Value.Default
  public boolean vpcCniWindowsIpamEnabled() {
    return false;
  }

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  /** {@code <clusterName>-<name>}: the launch template, Auto Scaling group and instance profile. */
  @Value.Derived
  public String resourceName() {
    return clusterName() + "-" + name();
  }

  /** The volume size used: {@link #volumeGib()} or the family's default. */
  @Value.Derived
  public int effectiveVolumeGib() {
    return VolumeRules.effective(ami(), volumeGib());
  }

  /** {@link #name()}: unique among the blueprint's self-managed node groups. */
  @Override
  public String partName() {
    return name();
  }

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
        blueprint,
        this,
        "SelfManagedNodegroupSpec",
        subnetIds(),
        nodeRoleArn(),
        ami(),
        kubernetesVersion());
  }

  @Value.Check
  void check() {
    SelfManagedSpecRules.check(this);
  }

  /**
   * Builds a {@link SelfManagedNodegroupSpec}; {@code build()} throws {@link InvalidSpecException}.
   */
  public static final class Builder extends ImmutableSelfManagedNodegroupSpec.Builder {
    Builder() {}
  }
}
