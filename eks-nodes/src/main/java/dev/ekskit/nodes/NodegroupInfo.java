package dev.ekskit.nodes;

import java.util.List;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;

/**
 * A managed node group as EKS describes it.
 *
 * <pre>{@code
 * NodegroupInfo group = nodegroups.managed().create(spec).join();
 * String asg = group.autoScalingGroups().get(0);
 * }</pre>
 *
 * @param clusterName the cluster
 * @param name the node group
 * @param arn its ARN
 * @param statusAsString e.g. {@code ACTIVE}
 * @param kubernetesVersion {@code major.minor} of its nodes
 * @param releaseVersion the AMI release, e.g. {@code 1.33.5-20251101}
 * @param amiType e.g. {@code BOTTLEROCKET_ARM_64}
 * @param minSize scaling minimum
 * @param desiredSize scaling desired size
 * @param maxSize scaling maximum
 * @param autoScalingGroups the names of the Auto Scaling groups EKS made for it
 */
public record NodegroupInfo(
    String clusterName,
    String name,
    String arn,
    String statusAsString,
    String kubernetesVersion,
    String releaseVersion,
    String amiType,
    int minSize,
    int desiredSize,
    int maxSize,
    List<String> autoScalingGroups) {
  /** The status as a value of the SDK's enum; {@code UNKNOWN_TO_SDK_VERSION} for a newer one. */
  public NodegroupStatus status() {
    return NodegroupStatus.fromValue(statusAsString);
  }
}
