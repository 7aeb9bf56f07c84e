package dev.ekskit.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags ekskit puts on everything it creates, so that it can find and adopt or delete it later.
 * Modules add tags of their own under {@link #PREFIX}.
 *
 * <pre>{@code
 * Map<String, String> tags = Tags.withOwnership(spec.tags());   // + ekskit.dev/managed-by=ekskit
 * boolean ours = Tags.isManagedByEksKit(existingTags);
 * }</pre>
 */
public final class Tags {
  public static final String PREFIX = "ekskit.dev/";
  public static final String MANAGED_BY = PREFIX + "managed-by";
  public static final String MANAGED_BY_VALUE = "ekskit";

  /** The cluster a resource was made for, so that a cascade delete finds it on its own. */
  public static final String CLUSTER = PREFIX + "cluster";

  /**
   * The blueprint a resource belongs to (its value is the cluster's name): a blueprint's plan
   * proposes to delete a part removed from it only when the part carries this tag. The one key
   * under {@link #PREFIX} a spec may set, since blueprints set it through the specs.
   */
  public static final String BLUEPRINT = PREFIX + "blueprint";

  private static final String ROLE_DESCRIPTION_PREFIX = "ekskit: ";
  private static final String ROLE_FOR_CLUSTER = " for EKS cluster ";

  private Tags() {}

  /** The user's tags plus ekskit's own. */
  public static Map<String, String> withOwnership(Map<String, String> userTags) {
    Map<String, String> tags = new LinkedHashMap<>(userTags);
    tags.put(MANAGED_BY, MANAGED_BY_VALUE);
    return tags;
  }

  /** The user's tags, ekskit's own, and the cluster the resource is made for. */
  public static Map<String, String> forCluster(String cluster, Map<String, String> userTags) {
    Map<String, String> tags = withOwnership(userTags);
    tags.put(CLUSTER, cluster);
    return tags;
  }

  /**
   * The description of an IAM role ekskit makes for a cluster, e.g. {@code ekskit: Fargate pod
   * execution role for EKS cluster orders}. IAM lists roles without their tags, so a cluster's
   * cascade delete picks its candidates by this description, then checks the tags.
   */
  public static String roleDescription(String purpose, String cluster) {
    return ROLE_DESCRIPTION_PREFIX + purpose + ROLE_FOR_CLUSTER + cluster;
  }

  /** Whether {@code description} is one ekskit gave a role made for {@code cluster}. */
  public static boolean describesRoleFor(String description, String cluster) {
    return description != null
        && description.startsWith(ROLE_DESCRIPTION_PREFIX)
        && description.endsWith(ROLE_FOR_CLUSTER + cluster);
  }

  /** {@code tags} plus the mark of {@code cluster}'s blueprint. */
  public static Map<String, String> forBlueprint(String cluster, Map<String, String> tags) {
    Map<String, String> marked = new LinkedHashMap<>(tags);
    marked.put(BLUEPRINT, cluster);
    return marked;
  }

  /** Whether {@code tags} mark a resource as part of {@code cluster}'s blueprint. */
  public static boolean isInBlueprint(Map<String, String> tags, String cluster) {
    return cluster.equals(tags.get(BLUEPRINT));
  }

  public static boolean isManagedByEksKit(Map<String, String> tags) {
    return MANAGED_BY_VALUE.equals(tags.get(MANAGED_BY));
  }
}
