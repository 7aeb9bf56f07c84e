package dev.ekskit.fargate.internal;

import dev.ekskit.core.NatMode;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of {@link FargateProfileSpec} that need no AWS call: EKS's limits, checked up front;
 * what a profile needs on its own (its role and subnets); what it needs within a blueprint.
 */
public final class FargateSpecRules {
  static final Pattern ROLE_AT_ROOT =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@-]+");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9*?]([-a-z0-9*?]*[a-z0-9*?])?");
  private static final int MAX_SUBNETS = 16;
  private static final int MAX_SELECTORS = 5;
  private static final int MAX_LABELS = 5;
  private static final int MAX_NAMESPACE_LENGTH = 63;
  private static final int MAX_ROLE_NAME_LENGTH = 64;

  private FargateSpecRules() {}

  public static void check(FargateProfileSpec spec) {
    Violations v = new Violations("FargateProfileSpec");
    v.eksName("clusterName", spec.clusterName(), 100);
    v.eksName("name", spec.name(), 100);
    if (spec.name() != null && spec.name().startsWith("eks-")) {
      v.add("name", "reserved-prefix", "must not start with 'eks-', which AWS reserves");
    }
    spec.podExecutionRoleArn().ifPresent(arn -> role(v, arn));
    v.subnetIds("subnetIds", spec.subnetIds(), 0, MAX_SUBNETS);
    selectors(v, spec.selectors());
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  /**
   * What creating the profile on its own needs beyond {@link #check}: the role and subnets that
   * only a blueprint may leave out. Throws {@link dev.ekskit.core.InvalidSpecException}.
   */
  public static void requireCreatable(FargateProfileSpec spec) {
    Violations v = new Violations("FargateProfileSpec");
    v.addAll(creatable(spec));
    v.throwIfAny();
  }

  /** The violations of {@link #requireCreatable}, fields relative to the profile. */
  static List<Violation> creatable(FargateProfileSpec spec) {
    Violations v = new Violations("FargateProfileSpec");
    if (spec.podExecutionRoleArn().isEmpty()) {
      v.add(
          "podExecutionRoleArn",
          "required",
          "a profile needs the role its pods run with (only a ClusterBlueprint, which makes one,"
              + " may leave it out)");
    }
    if (spec.subnetIds().isEmpty()) {
      v.add(
          "subnetIds",
          "required",
          "a profile needs at least one private subnet (only a ClusterBlueprint that makes the"
              + " network may leave them out)");
    }
    return v.list();
  }

  /** The rules of a profile within a blueprint, fields relative to the profile. */
  public static List<Violation> within(FargateProfileSpec spec, BlueprintFacts blueprint) {
    Violations v = new Violations("FargateProfileSpec");
    blueprint
        .network()
        .ifPresentOrElse(
            network -> {
              if (!spec.subnetIds().isEmpty()) {
                v.add(
                    "subnetIds",
                    "network-subnets",
                    "leave them out: the blueprint makes the network, and the profile runs in its"
                        + " private subnets");
              }
              if (network.natMode() == NatMode.NONE) {
                v.add(
                    "subnetIds",
                    "nat-gateway",
                    "the blueprint's network has no NAT gateway (natMode NONE), so pods in its"
                        + " private subnets could not reach the internet to pull images: set"
                        + " natMode SINGLE or PER_ZONE");
              }
            },
            () -> {
              if (spec.subnetIds().isEmpty()) {
                v.add(
                    "subnetIds",
                    "required",
                    "name private subnets: the blueprint makes no network");
              }
            });
    String madeRole = BlueprintPodRole.name(blueprint.clusterName());
    if (spec.podExecutionRoleArn().isEmpty() && madeRole.length() > MAX_ROLE_NAME_LENGTH) {
      v.add(
          "podExecutionRoleArn",
          "required",
          "the role the blueprint would make, "
              + madeRole
              + ", is longer than IAM's "
              + MAX_ROLE_NAME_LENGTH
              + " characters: name a role");
    }
    return v.list();
  }

  public static void check(PodExecutionRoleSpec spec) {
    Violations v = new Violations("PodExecutionRoleSpec");
    v.eksName("clusterName", spec.clusterName(), 100);
    v.name(
        "roleName", spec.roleName(), ROLE_NAME, 64, "must hold only letters, digits and +=,.@_-");
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  private static void role(Violations v, String arn) {
    if (!Violations.ROLE_ARN.matcher(arn).matches()) {
      v.roleArn("podExecutionRoleArn", arn);
    } else if (!ROLE_AT_ROOT.matcher(arn).matches()) {
      v.add(
          "podExecutionRoleArn",
          "path",
          "the role's path must be '/' (Fargate does not accept roles with a path), was '"
              + arn
              + "'");
    }
  }

  private static void selectors(Violations v, List<FargateSelector> selectors) {
    if (selectors.isEmpty() || selectors.size() > MAX_SELECTORS) {
      v.add(
          "selectors",
          "size",
          "needs 1 to " + MAX_SELECTORS + " selectors, has " + selectors.size());
    }
    for (int i = 0; i < selectors.size(); i++) {
      FargateSelector selector = selectors.get(i);
      String at = "selectors[" + i + "]";
      String namespace = selector.namespace();
      if (namespace.isEmpty()
          || namespace.length() > MAX_NAMESPACE_LENGTH
          || !NAMESPACE.matcher(namespace).matches()) {
        v.add(
            at + ".namespace",
            "pattern",
            "must be a Kubernetes namespace of 1 to "
                + MAX_NAMESPACE_LENGTH
                + " lower-case letters, digits and '-', with wildcards '*' and '?', was '"
                + namespace
                + "'");
      }
      if (selector.labels().size() > MAX_LABELS) {
        v.add(
            at + ".labels",
            "max-size",
            "allows at most " + MAX_LABELS + " labels, has " + selector.labels().size());
      }
    }
  }
}
