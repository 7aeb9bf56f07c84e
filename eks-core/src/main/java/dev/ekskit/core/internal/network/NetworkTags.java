package dev.ekskit.core.internal.network;

import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The tags of every part of a network: the user's, ekskit's ownership (and the cluster's, when the
 * network serves one), {@code ekskit.dev/network=<name>}, {@code ekskit.dev/network-part=<key>} and
 * {@code Name}; subnets also carry the load balancer role and cluster tags that the AWS Load
 * Balancer Controller reads. Parts are found by these tags, through describe filters and checked
 * again on the answer (an emulator may ignore a filter).
 */
final class NetworkTags {
  static final String NETWORK = Tags.PREFIX + "network";
  static final String PART = Tags.PREFIX + "network-part";
  static final String PUBLIC_ELB_ROLE = "kubernetes.io/role/elb";
  static final String INTERNAL_ELB_ROLE = "kubernetes.io/role/internal-elb";

  /** managed-by, cluster, network, part, Name, a role tag, a cluster tag. */
  static final int MOST_OWN_TAGS = 7;

  private NetworkTags() {}

  static Map<String, String> of(NetworkSpec spec, NetworkPart part) {
    Map<String, String> tags =
        new LinkedHashMap<>(
            spec.clusterName()
                .map(cluster -> Tags.forCluster(cluster, spec.tags()))
                .orElseGet(() -> Tags.withOwnership(spec.tags())));
    tags.put(NETWORK, spec.name());
    tags.put(PART, part.key());
    tags.put("Name", part.name(spec.name()));
    return tags;
  }

  /** A subnet's: the part's tags, its load balancer role and, for a cluster, {@code shared}. */
  static Map<String, String> ofSubnet(NetworkSpec spec, NetworkPart part, boolean isPublic) {
    Map<String, String> tags = of(spec, part);
    tags.put(isPublic ? PUBLIC_ELB_ROLE : INTERNAL_ELB_ROLE, "1");
    spec.clusterName().ifPresent(cluster -> tags.put("kubernetes.io/cluster/" + cluster, "shared"));
    return tags;
  }

  static List<TagSpecification> specification(ResourceType type, Map<String, String> tags) {
    return List.of(TagSpecification.builder().resourceType(type).tags(sdk(tags)).build());
  }

  /**
   * Filters for the parts of {@code network}, or for one part of it when {@code partKey} is set.
   */
  static List<Filter> filters(String network, String partKey) {
    List<Filter> filters = new ArrayList<>();
    filters.add(filter("tag:" + NETWORK, network));
    if (partKey != null) {
      filters.add(filter("tag:" + PART, partKey));
    }
    return filters;
  }

  /** Whether ekskit made the resource for {@code network} (and as {@code partKey}, if set). */
  static boolean belongs(List<Tag> tags, String network, String partKey) {
    Map<String, String> map = map(tags);
    return Tags.isManagedByEksKit(map)
        && network.equals(map.get(NETWORK))
        && (partKey == null || partKey.equals(map.get(PART)));
  }

  static String part(List<Tag> tags) {
    return map(tags).get(PART);
  }

  static Map<String, String> map(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
  }

  static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  private static List<Tag> sdk(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
