package dev.ekskit.nodes;

import java.util.List;

/**
 * A self-managed node group as its Auto Scaling group describes it.
 *
 * <pre>{@code
 * SelfManagedNodegroupInfo group = nodegroups.selfManaged().create(spec).join();
 * List<String> nodes = group.inServiceInstanceIds();
 * }</pre>
 *
 * @param clusterName the cluster
 * @param name the node group
 * @param autoScalingGroupName its Auto Scaling group, {@code <clusterName>-<name>}
 * @param launchTemplateId the launch template its instances start from
 * @param minSize scaling minimum
 * @param desiredSize scaling desired size
 * @param maxSize scaling maximum
 * @param inServiceInstanceIds instances that are InService and Healthy in the group (EC2's view;
 *     whether each has joined Kubernetes is the cluster's to say)
 */
public record SelfManagedNodegroupInfo(
    String clusterName,
    String name,
    String autoScalingGroupName,
    String launchTemplateId,
    int minSize,
    int desiredSize,
    int maxSize,
    List<String> inServiceInstanceIds) {

  public SelfManagedNodegroupInfo {
    inServiceInstanceIds = List.copyOf(inServiceInstanceIds);
  }
}
