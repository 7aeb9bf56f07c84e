package dev.ekskit.core.internal.network;

import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.internal.Ipv4Cidr;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules of {@link NetworkSpec} that need no AWS call. */
public final class NetworkSpecRules {
  static final int MIN_ZONES = 2;
  static final int MAX_ZONES = SubnetLayout.BLOCKS / 2;
  private static final int MIN_PREFIX = 16;
  private static final int MAX_PREFIX = 24;
  private static final int MAX_INSTANCE_TYPES = 20;
  private static final int MAX_TAGS = 50;
  private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+[a-z]");
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

  private NetworkSpecRules() {}

  public static void check(NetworkSpec spec) {
    Violations v = new Violations("NetworkSpec");
    v.eksName("name", spec.name(), 100);
    checkCidr(spec.cidrBlock(), v);
    checkZones(spec, v);
    spec.clusterName().ifPresent(cluster -> v.eksName("clusterName", cluster, 100));
    v.ids(
        "instanceTypes",
        spec.instanceTypes(),
        INSTANCE_TYPE,
        "an EC2 instance type such as m7g.large",
        0,
        MAX_INSTANCE_TYPES);
    checkTags(spec, v);
    v.throwIfAny();
  }

  private static void checkCidr(String cidr, Violations v) {
    String problem = Ipv4Cidr.problem(cidr);
    if (problem != null) {
      v.add("cidrBlock", "cidr", problem);
      return;
    }
    int prefix = Ipv4Cidr.parse(cidr).prefix();
    if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
      v.add(
          "cidrBlock",
          "prefix-range",
          "must be between /"
              + MIN_PREFIX
              + " and /"
              + MAX_PREFIX
              + " (its 8 subnets are then /"
              + (MIN_PREFIX + 3)
              + " to /"
              + (MAX_PREFIX + 3)
              + "), was /"
              + prefix);
    }
  }

  private static void checkZones(NetworkSpec spec, Violations v) {
    if (spec.zoneCount().isPresent() && !spec.zones().isEmpty()) {
      v.add("zoneCount", "exclusive", "set zoneCount or zones, not both");
    }
    spec.zoneCount()
        .ifPresent(
            count -> {
              if (count < MIN_ZONES || count > MAX_ZONES) {
                v.add(
                    "zoneCount",
                    "range",
                    "must be between " + MIN_ZONES + " and " + MAX_ZONES + ", was " + count);
              }
            });
    if (!spec.zones().isEmpty()) {
      v.ids(
          "zones",
          spec.zones(),
          ZONE,
          "an Availability Zone name such as us-east-1a",
          MIN_ZONES,
          MAX_ZONES);
    }
  }

  private static void checkTags(NetworkSpec spec, Violations v) {
    v.tags("tags", spec.tags(), Tags.PREFIX);
    int room = MAX_TAGS - NetworkTags.MOST_OWN_TAGS;
    if (spec.tags().size() > room && spec.tags().size() <= MAX_TAGS) {
      v.add(
          "tags",
          "max-size",
          "allows at most "
              + room
              + " tags, since ekskit adds up to "
              + NetworkTags.MOST_OWN_TAGS
              + " of its own to each part; has "
              + spec.tags().size());
    }
    spec.tags().keySet().stream()
        .filter(
            key -> key.equals("Name") || key.toLowerCase(Locale.ROOT).startsWith("kubernetes.io/"))
        .forEach(
            key ->
                v.add(
                    "tags[" + key + "]",
                    "reserved",
                    "'Name' and keys starting with 'kubernetes.io/' are set by ekskit"));
  }
}
