package dev.ekskit.simulator.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * EC2's filter semantics on describes: every filter must match, a filter matches when one of its
 * values does. {@code tag:<key>} matches the value of that tag, {@code tag-key} the presence of a
 * key, any other name the resource's attribute of that name; a name the resource lacks matches
 * nothing.
 */
final class Ec2Filter {
  private Ec2Filter() {}

  static boolean matches(
      List<Filter> filters, Map<String, ? extends Collection<String>> attributes, List<Tag> tags) {
    return filters.stream().allMatch(filter -> matches(filter, attributes, tags));
  }

  /** For resources whose attributes have one value each. */
  static boolean matchesSingle(
      List<Filter> filters, Map<String, String> attributes, List<Tag> tags) {
    Map<String, List<String>> multi = new HashMap<>();
    attributes.forEach(
        (name, value) -> multi.put(name, value == null ? List.of() : List.of(value)));
    return matches(filters, multi, tags);
  }

  /** The tags of a create request: every tag specification's, whatever resource type it names. */
  static List<Tag> tags(List<TagSpecification> specs) {
    return specs.stream().flatMap(spec -> spec.tags().stream()).toList();
  }

  private static boolean matches(
      Filter filter, Map<String, ? extends Collection<String>> attributes, List<Tag> tags) {
    String name = filter.name();
    if (name.startsWith("tag:")) {
      String key = name.substring("tag:".length());
      return tags.stream()
          .anyMatch(tag -> tag.key().equals(key) && filter.values().contains(tag.value()));
    }
    if (name.equals("tag-key")) {
      return tags.stream().anyMatch(tag -> filter.values().contains(tag.key()));
    }
    Collection<String> values = attributes.get(name);
    return values != null
        && values.stream().filter(Objects::nonNull).anyMatch(filter.values()::contains);
  }
}
