package dev.ekskit.simulator.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTagKeysException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTagsException;

/**
 * Tags of every load balancer, target group and listener, by ARN: at most 50 a resource, no key
 * twice in one request, {@code aws:} keys reserved. An unknown ARN is answered with the not-found
 * error of its kind.
 */
final class ElbTags {
  private static final int MAX_TAGS = 50;
  private final Map<String, Map<String, String>> byArn = new HashMap<>();

  /** Checks a create's tags before anything is made. */
  static void requireValid(List<Tag> tags) {
    requireValid(tags, Map.of());
  }

  void register(String arn, List<Tag> tags) {
    byArn.put(arn, new TreeMap<>());
    add(arn, tags);
  }

  void unregister(String arn) {
    byArn.remove(arn);
  }

  List<Tag> of(String arn) {
    return require(arn).entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /** Adds tags to every resource, or to none when one of them is missing or would be too full. */
  void add(Collection<String> arns, List<Tag> tags) {
    arns.forEach(arn -> requireValid(tags, require(arn)));
    arns.forEach(arn -> add(arn, tags));
  }

  void remove(Collection<String> arns, Collection<String> keys) {
    arns.forEach(this::require);
    arns.forEach(arn -> byArn.get(arn).keySet().removeAll(keys));
  }

  private void add(String arn, List<Tag> tags) {
    requireValid(tags, require(arn));
    tags.forEach(tag -> byArn.get(arn).put(tag.key(), tag.value()));
  }

  private static void requireValid(List<Tag> tags, Map<String, String> current) {
    Set<String> keys = new HashSet<>();
    for (Tag tag : tags) {
      if (tag.key() == null || tag.key().isEmpty() || tag.key().startsWith("aws:")) {
        throw ElbErrors.validation("Tag keys must not be empty or start with 'aws:': " + tag.key());
      }
      if (!keys.add(tag.key())) {
        throw Errors.elbv2(
            DuplicateTagKeysException.builder(),
            400,
            "DuplicateTagKeys",
            "A tag key was specified more than once: " + tag.key());
      }
    }
    Set<String> after = new HashSet<>(current.keySet());
    after.addAll(keys);
    if (after.size() > MAX_TAGS) {
      throw Errors.elbv2(
          TooManyTagsException.builder(),
          400,
          "TooManyTags",
          "You've reached the limit on the number of tags for this resource: " + MAX_TAGS);
    }
  }

  private Map<String, String> require(String arn) {
    Map<String, String> tags = byArn.get(arn);
    if (tags == null) {
      throw ElbErrors.notFound(arn);
    }
    return tags;
  }
}
