package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.NodeBootstrap;
import dev.ekskit.nodes.NodeTaint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a {@link NodeBootstrap} may hold: values kubelet accepts and no quoting can be broken. */
public final class UserDataRules {
  private static final Pattern ENDPOINT = Pattern.compile("https://[A-Za-z0-9.-]+(:\\d+)?/?");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final Pattern CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Pattern LABEL_KEY =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cntrl}]*");

  private UserDataRules() {}

  public static void check(NodeBootstrap boot) {
    Violations v = new Violations("NodeBootstrap");
    v.eksName("clusterName", boot.clusterName(), 100);
    v.matches("apiServerEndpoint", boot.apiServerEndpoint(), ENDPOINT, "an https URL");
    v.matches("certificateAuthority", boot.certificateAuthority(), BASE64, "base64");
    if (boot.serviceIpv4Cidr() == null) {
      v.add("serviceIpv4Cidr", "required", "must be set");
    } else if (dnsIp(boot.serviceIpv4Cidr()) == null) {
      v.add(
          "serviceIpv4Cidr",
          "cidr",
          "must be an IPv4 range such as 10.100.0.0/16, was '" + boot.serviceIpv4Cidr() + "'");
    }
    kubelet(v, boot.labels(), boot.taints(), boot.maxPods(), boot.preBootstrapCommands());
    v.throwIfAny();
  }

  /** Labels, taints, max pods and pre-bootstrap commands: what kubelet and the scripts accept. */
  public static void kubelet(
      Violations v,
      Map<String, String> labels,
      List<NodeTaint> taints,
      Optional<Integer> maxPods,
      List<String> preBootstrapCommands) {
    labels.forEach(
        (key, value) -> {
          v.matches("labels[" + key + "]", key, LABEL_KEY, "a Kubernetes label key");
          v.matches("labels[" + key + "]", value, LABEL_VALUE, "a Kubernetes label value");
        });
    TaintRules.list(v, "taints", taints);
    maxPods
        .filter(n -> n < 1 || n > 737)
        .ifPresent(n -> v.add("maxPods", "range", "must be 1 to 737, was " + n));
    lines(v, "preBootstrapCommands", preBootstrapCommands);
  }

  /** Each command is one line: no newline or other control character. */
  public static void lines(Violations v, String field, List<String> commands) {
    for (int i = 0; i < commands.size(); i++) {
      v.matchesSecret(field + "[" + i + "]", commands.get(i), NO_CONTROL, "one line");
    }
  }

  /** The {@code .10} address of an IPv4 range, or null if {@code cidr} is not one. */
  public static String dnsIp(String cidr) {
    var m = CIDR.matcher(cidr);
    if (!m.matches()) {
      return null;
    }
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return null;
      }
      address = address << 8 | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    if (prefix < 8 || prefix > 28) {
      return null;
    }
    long network = address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long dns = network + 10;
    return (dns >> 24 & 255) + "." + (dns >> 16 & 255) + "." + (dns >> 8 & 255) + "." + (dns & 255);
  }
}
