package dev.ekskit.simulator.internal;

import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * The filters of DescribeAutoScalingGroups: {@code tag-key}, {@code tag-value} and {@code
 * tag:<key>}. A group must match every filter, a filter any of its values; an unknown name matches
 * nothing, as elsewhere in the simulation.
 */
final class AutoScalingFilters {
  private AutoScalingFilters() {}

  static boolean matchAll(AutoScalingGroup group, List<Filter> filters) {
    return filters.stream().allMatch(f -> matches(group.tags(), f));
  }

  private static boolean matches(List<TagDescription> tags, Filter filter) {
    String name = filter.name();
    if ("tag-key".equals(name)) {
      return tags.stream().anyMatch(t -> filter.values().contains(t.key()));
    }
    if ("tag-value".equals(name)) {
      return tags.stream().anyMatch(t -> filter.values().contains(t.value()));
    }
    if (name.startsWith("tag:")) {
      String key = name.substring("tag:".length());
      return tags.stream()
          .anyMatch(t -> t.key().equals(key) && filter.values().contains(t.value()));
    }
    return false;
  }
}
