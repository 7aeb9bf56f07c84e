package dev.ekskit.nodes.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AccessEntry;

/**
 * The EKS access entry that lets instances of a node role join the cluster ({@code EC2_LINUX} or
 * {@code EC2_WINDOWS}). EKS allows one entry per role, which node groups sharing the role share
 * too: an entry of the right type is adopted whoever made it, and only one ekskit made is deleted,
 * and only when no other node group uses the role. A cluster that is gone has no entries, so its
 * absence counts as "already deleted".
 */
public final class NodeAccessEntries {
  private NodeAccessEntries() {}

  public static CreateOrAdopt<AccessEntry> createOrAdopt(
      EksClient eks,
      ResourceRef ref,
      String cluster,
      String roleArn,
      String type,
      Map<String, String> tags,
      String cleanup) {
    return CreateOrAdopt.<AccessEntry>builder(ref)
        .what("the access entry of " + roleArn)
        .cleanup(cleanup)
        .steps("create access entry", "adopt access entry")
        .create(
            () ->
                eks.createAccessEntry(
                        r -> r.clusterName(cluster).principalArn(roleArn).type(type).tags(tags))
                    .accessEntry())
        .describe(() -> describe(eks, cluster, roleArn).orElseThrow())
        .differences(
            existing ->
                type.equals(existing.type())
                    ? List.of()
                    : List.of(
                        new FieldDifference(
                            "access entry type of " + roleArn, type, existing.type())))
        .build();
  }

  /**
   * Deletes the role's entry if ekskit made it; false when there is none (or no cluster) or it is
   * not ekskit's. The caller checks first that no other node group uses the role.
   */
  public static boolean deleteIfOurs(EksClient eks, String cluster, String roleArn) {
    Optional<AccessEntry> entry = describe(eks, cluster, roleArn);
    if (entry.isEmpty() || !Tags.isManagedByEksKit(entry.get().tags())) {
      return false;
    }
    try {
      eks.deleteAccessEntry(r -> r.clusterName(cluster).principalArn(roleArn));
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  private static Optional<AccessEntry> describe(EksClient eks, String cluster, String roleArn) {
    return AwsErrors.absentAsEmpty(
        () ->
            Optional.of(
                eks.describeAccessEntry(r -> r.clusterName(cluster).principalArn(roleArn))
                    .accessEntry()));
  }
}
