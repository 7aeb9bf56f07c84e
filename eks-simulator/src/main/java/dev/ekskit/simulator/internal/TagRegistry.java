package dev.ekskit.simulator.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags of every live EKS resource, by ARN, for TagResource, UntagResource and the Describe answers.
 */
final class TagRegistry {
  private static final int MAX_TAGS = 50;
  private final Map<String, Map<String, String>> byArn = new HashMap<>();

  void register(String arn, Map<String, String> tags) {
    byArn.put(arn, new TreeMap<>());
    tag(arn, tags);
  }

  void unregister(String arn) {
    byArn.remove(arn);
  }

  Map<String, String> of(String arn) {
    return Map.copyOf(require(arn));
  }

  void tag(String arn, Map<String, String> tags) {
    Map<String, String> current = require(arn);
    tags.keySet().stream()
        .filter(key -> key.startsWith("aws:"))
        .findFirst()
        .ifPresent(
            key -> {
              throw Errors.invalidParameter("Tag keys starting with 'aws:' are reserved: " + key);
            });
    Map<String, String> merged = new TreeMap<>(current);
    merged.putAll(tags);
    if (merged.size() > MAX_TAGS) {
      throw Errors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags");
    }
    current.putAll(tags);
  }

  void untag(String arn, Collection<String> keys) {
    require(arn).keySet().removeAll(keys);
  }

  private Map<String, String> require(String arn) {
    Map<String, String> tags = byArn.get(arn);
    if (tags == null) {
      throw Errors.tagTargetNotFound(arn);
    }
    return tags;
  }
}
