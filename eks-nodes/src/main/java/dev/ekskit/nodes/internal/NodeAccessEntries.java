package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.Tags;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AccessEntry;

/**
 * The EKS access entry that lets instances of a node role join the cluster ({@code EC2_LINUX} or
 * {@code EC2_WINDOWS}). EKS allows one entry per role, which node groups sharing the role share
 * too: an entry of the right type is adopted whoever made it, and only one ekskit made is deleted,
 * and only when no other node group uses the role. Blocking calls, each safe to repeat.
 */
public final class NodeAccessEntries {
  private NodeAccessEntries() {}

  public static void createOrAdopt(
      EksClient eks,
      ResourceRef ref,
      String cluster,
      String roleArn,
      String type,
      Map<String, String> tags) {
    try {
      eks.createAccessEntry(
          r ->
              r.clusterName(cluster)
                  .principalArn(roleArn)
                  .type(type)
                  .tags(Tags.withOwnership(tags)));
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.IN_USE)) {
        throw e;
      }
      AccessEntry existing = describe(eks, cluster, roleArn);
      if (!type.equals(existing.type())) {
        throw new ConflictException(
            ref,
            List.of(new FieldDifference("access entry type of " + roleArn, type, existing.type())),
            e);
      }
    }
  }

  /**
   * Deletes the role's entry if ekskit made it; false when there is none or it is not ekskit's. The
   * caller checks first that no other node group uses the role.
   */
  public static boolean deleteIfOurs(EksClient eks, String cluster, String roleArn) {
    try {
      if (!Tags.isManagedByEksKit(describe(eks, cluster, roleArn).tags())) {
        return false;
      }
      eks.deleteAccessEntry(r -> r.clusterName(cluster).principalArn(roleArn));
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  private static AccessEntry describe(EksClient eks, String cluster, String roleArn) {
    return eks.describeAccessEntry(r -> r.clusterName(cluster).principalArn(roleArn)).accessEntry();
  }
}
