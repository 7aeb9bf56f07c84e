package dev.ekskit.core.spi;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import dev.ekskit.core.internal.Ipv4Cidr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of a spec so that one exception can report them all, with the rules
 * every ekskit module shares (names, ids, ARNs, versions, tags).
 *
 * <pre>{@code
 * Violations v = new Violations("NodegroupSpec");
 * v.eksName("name", spec.name(), 63);
 * v.roleArn("nodeRoleArn", spec.nodeRoleArn());
 * v.throwIfAny();                          // InvalidSpecException listing every violation
 * }</pre>
 */
public final class Violations {
  /** A Kubernetes minor version as EKS names it, e.g. {@code 1.33}. */
  public static final Pattern KUBERNETES_VERSION = Pattern.compile("1\\.\\d{1,2}");

  public static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
  public static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
  private static final int MAX_TAGS = 50;
  private static final Pattern EKS_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]*");
  private final String specType;
  private final List<Violation> found = new ArrayList<>();

  public Violations(String specType) {
    this.specType = specType;
  }

  public Violations add(String field, String rule, String message) {
    found.add(new Violation(field, rule, message));
    return this;
  }

  public void addAll(Collection<Violation> violations) {
    found.addAll(violations);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Violation> list() {
    return List.copyOf(found);
  }

  /** Throws an {@link InvalidSpecException} listing everything found, if anything was. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidSpecException(specType, found);
    }
  }

  /**
   * Throws an {@link InvalidSpecException} of {@code specType} when {@code value}, an argument a
   * public method needs, is null; returns it otherwise.
   *
   * <pre>{@code
   * Violations.requireGiven("ClusterSpec", "spec", spec);
   * }</pre>
   */
  public static <T> T requireGiven(String specType, String field, T value) {
    if (value == null) {
      new Violations(specType).add(field, "required", "must be given, was null").throwIfAny();
    }
    return value;
  }

  public void name(String field, String value, Pattern pattern, int maxLength, String allowed) {
    if (value == null || value.isEmpty()) {
      add(field, "required", "must not be empty");
      return;
    }
    if (value.length() > maxLength) {
      add(
          field,
          "max-length",
          "must be at most " + maxLength + " characters, was " + value.length());
    }
    if (!pattern.matcher(value).matches()) {
      add(field, "pattern", allowed + " (" + pattern.pattern() + "), was '" + value + "'");
    }
  }

  /**
   * EKS's rule for the names of clusters, node groups and Fargate profiles: letters, digits, {@code
   * -} and {@code _}, starting with a letter or digit.
   */
  public void eksName(String field, String value, int maxLength) {
    name(
        field,
        value,
        EKS_NAME,
        maxLength,
        "must start with a letter or digit and hold only letters, digits, '-' and '_'");
  }

  /** A Kubernetes version such as {@code 1.34}. */
  public void kubernetesVersion(String field, String value) {
    matches(field, value, KUBERNETES_VERSION, "major.minor such as 1.34");
  }

  /** An IAM role ARN. */
  public void roleArn(String field, String value) {
    matches(field, value, ROLE_ARN, "an IAM role ARN");
  }

  /** Subnet ids, {@code min} to {@code max} of them, none repeated. */
  public void subnetIds(String field, List<String> values, int min, int max) {
    ids(field, values, SUBNET_ID, "a subnet id", min, max);
  }

  public void matches(String field, String value, Pattern pattern, String what) {
    if (value == null) {
      add(field, "required", "must be set");
      return;
    }
    if (!pattern.matcher(value).matches()) {
      add(
          field,
          "pattern",
          "must be " + what + " (" + pattern.pattern() + "), was '" + value + "'");
    }
  }

  /**
   * As {@link #matches}, for a value that may hold secrets (user data, bootstrap commands): the
   * message names the field and the rule, never the value.
   */
  public void matchesSecret(String field, String value, Pattern pattern, String what) {
    if (value == null) {
      add(field, "required", "must be set");
    } else if (!pattern.matcher(value).matches()) {
      add(field, "pattern", "must be " + what + "; the value is not shown, it may hold secrets");
    }
  }

  /** Each element matches {@code pattern}, no element repeats, and the count is within bounds. */
  public void ids(
      String field, List<String> values, Pattern pattern, String what, int min, int max) {
    if (values.size() < min) {
      add(field, "min-size", "needs at least " + min + ", has " + values.size());
    }
    if (values.size() > max) {
      add(field, "max-size", "allows at most " + max + ", has " + values.size());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      matches(field + "[" + i + "]", value, pattern, what);
      if (!seen.add(value)) {
        add(field + "[" + i + "]", "unique", "repeats '" + value + "'");
      }
    }
  }

  public void ipv4Cidrs(String field, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      String problem = Ipv4Cidr.problem(values.get(i));
      if (problem != null) {
        add(field + "[" + i + "]", "cidr", problem);
      }
    }
  }

  /** AWS tag rules: at most 50, key 1–128 characters, value at most 256, no {@code aws:} prefix. */
  public void tags(String field, Map<String, String> tags, String reservedPrefix) {
    if (tags.size() > MAX_TAGS) {
      add(field, "max-size", "allows at most " + MAX_TAGS + " tags, has " + tags.size());
    }
    tags.forEach(
        (key, value) -> {
          String at = field + "[" + key + "]";
          if (key.isEmpty() || key.length() > 128) {
            add(at, "key-length", "key must be 1 to 128 characters");
          }
          if (value.length() > 256) {
            add(at, "value-length", "value must be at most 256 characters");
          }
          if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            add(at, "reserved", "keys starting with 'aws:' are reserved by AWS");
          }
          if (key.startsWith(reservedPrefix) && !key.equals(Tags.BLUEPRINT)) {
            add(at, "reserved", "keys starting with '" + reservedPrefix + "' are set by ekskit");
          }
        });
  }
}
