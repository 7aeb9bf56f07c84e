package dev.ekskit.fargate.internal;

import dev.ekskit.core.spi.Tags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags of everything eks-fargate makes: the user's, ekskit's ownership, and the cluster it was
 * made for, so that later work (a cascade, a second run) finds it on its own.
 */
public final class OwnershipTags {
  private OwnershipTags() {}

  public static Map<String, String> of(String clusterName, Map<String, String> userTags) {
    Map<String, String> tags = new LinkedHashMap<>(Tags.withOwnership(userTags));
    tags.put(Tags.CLUSTER, clusterName);
    return tags;
  }
}
