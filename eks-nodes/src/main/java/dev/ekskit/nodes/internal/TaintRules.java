package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.NodeTaint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What Kubernetes accepts in a taint, and what EKS accepts in a node group's list of them. */
public final class TaintRules {
  /** What EKS allows on one node group; ekskit holds self-managed groups to it too. */
  public static final int MAX_TAINTS = 50;

  /** A DNS subdomain: the optional prefix of a qualified name. */
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_PREFIX = 253;

  /** A qualified name's name part, and a label or taint value when not empty. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private static final int MAX_NAME = 63;

  private TaintRules() {}

  /** A qualified name: {@code [prefix/]name}, as Kubernetes checks a taint key. */
  public static void key(Violations v, String field, String key) {
    if (key == null || key.isEmpty()) {
      v.add(field, "required", "must not be empty");
      return;
    }
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = key.substring(slash + 1);
    boolean prefixOk =
        prefix == null || prefix.length() <= MAX_PREFIX && PREFIX.matcher(prefix).matches();
    if (!prefixOk || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      v.add(
          field,
          "qualified-name",
          "must be [prefix/]name: a DNS subdomain prefix of at most "
              + MAX_PREFIX
              + " characters and a name of at most "
              + MAX_NAME
              + " letters, digits, '-', '_' and '.', starting and ending with a letter or digit;"
              + " was '"
              + key
              + "'");
    }
  }

  /** Empty, or at most 63 letters, digits, '-', '_' and '.' starting and ending alphanumeric. */
  public static void value(Violations v, String field, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (value.length() > MAX_NAME || !NAME.matcher(value).matches()) {
      v.add(
          field,
          "label-value",
          "must be at most "
              + MAX_NAME
              + " letters, digits, '-', '_' and '.', starting and ending with a letter or digit;"
              + " was '"
              + value
              + "'");
    }
  }

  /** At most {@link #MAX_TAINTS}, and one per key and effect, as Kubernetes requires. */
  public static void list(Violations v, String field, List<NodeTaint> taints) {
    if (taints.size() > MAX_TAINTS) {
      v.add(field, "max-size", "allows at most " + MAX_TAINTS + ", has " + taints.size());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < taints.size(); i++) {
      NodeTaint taint = taints.get(i);
      Integer earlier = seen.putIfAbsent(taint.key() + ":" + taint.effect(), i);
      if (earlier != null) {
        v.add(
            field + "[" + i + "]",
            "unique-key-effect",
            "repeats the key and effect of "
                + field
                + "["
                + earlier
                + "] ("
                + taint.key()
                + ", "
                + taint.effect().kubernetesName()
                + ")");
      }
    }
  }
}
