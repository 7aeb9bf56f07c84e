package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Tags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags of every part of a self-managed node group (launch template, instance profile, access
 * entry, Auto Scaling group and, propagated, its instances), so that a delete finds each part on
 * its own even when the others are gone.
 */
public final class NodeTags {
  /** The node group's name. */
  public static final String NODEGROUP = Tags.PREFIX + "nodegroup";

  /** The node role's ARN, to tell whether another group still needs the role's access entry. */
  public static final String NODE_ROLE = Tags.PREFIX + "node-role";

  /**
   * The Kubernetes version a launch template version's nodes run, on their instances and volumes: a
   * template outlives its versions, so the tag is in each version's data, not on the template.
   */
  public static final String KUBERNETES_VERSION = Tags.PREFIX + "kubernetes-version";

  private NodeTags() {}

  /** The user's tags, ekskit's ownership, the cluster, the node group and its role. */
  public static Map<String, String> of(
      Map<String, String> userTags, String cluster, String nodegroup, String nodeRoleArn) {
    Map<String, String> tags = new LinkedHashMap<>(Tags.forCluster(cluster, userTags));
    tags.put(NODEGROUP, nodegroup);
    tags.put(NODE_ROLE, nodeRoleArn);
    return tags;
  }
}
