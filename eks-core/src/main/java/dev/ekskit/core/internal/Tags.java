package dev.ekskit.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags ekskit puts on everything it creates, so that it can find and adopt or delete it later.
 */
public final class Tags {
  public static final String PREFIX = "ekskit.dev/";
  public static final String MANAGED_BY = PREFIX + "managed-by";
  public static final String MANAGED_BY_VALUE = "ekskit";

  /**
   * On self-managed node groups (module eks-nodes) and, propagated, on their instances: the node
   * group's name.
   */
  public static final String NODEGROUP = PREFIX + "nodegroup";

  private Tags() {}

  /** The user's tags plus ekskit's own. */
  public static Map<String, String> withOwnership(Map<String, String> userTags) {
    Map<String, String> tags = new LinkedHashMap<>(userTags);
    tags.put(MANAGED_BY, MANAGED_BY_VALUE);
    return tags;
  }

  public static boolean isManagedByEksKit(Map<String, String> tags) {
    return MANAGED_BY_VALUE.equals(tags.get(MANAGED_BY));
  }
}
