package dev.ekskit.core.internal.access;

import dev.ekskit.core.AccessEntryInfo;
import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.FieldDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An access entry spec against the entry of its principal, read only. */
public final class AccessReview {
  /** What EKS changes in place: names through UpdateAccessEntry, policies by (dis)association. */
  public static final Set<String> UPDATABLE =
      Set.of("username", "kubernetesGroups", "accessPolicies");

  private AccessReview() {}

  /** Where {@code existing} differs from the spec; its type only a new entry changes. */
  public static List<FieldDifference> differences(AccessEntrySpec spec, AccessEntryInfo existing) {
    List<FieldDifference> diff = new ArrayList<>();
    if (!AccessMapping.STANDARD.equals(existing.type())) {
      diff.add(new FieldDifference("type", AccessMapping.STANDARD, existing.type()));
    }
    spec.username()
        .filter(name -> !name.equals(existing.username()))
        .ifPresent(name -> diff.add(new FieldDifference("username", name, existing.username())));
    Set<String> wantedGroups = new TreeSet<>(spec.kubernetesGroups());
    Set<String> foundGroups = new TreeSet<>(existing.kubernetesGroups());
    if (!wantedGroups.equals(foundGroups)) {
      diff.add(
          new FieldDifference("kubernetesGroups", wantedGroups.toString(), foundGroups.toString()));
    }
    Set<String> wantedPolicies = described(spec.accessPolicies());
    Set<String> foundPolicies = described(existing.accessPolicies());
    if (!wantedPolicies.equals(foundPolicies)) {
      diff.add(
          new FieldDifference(
              "accessPolicies", wantedPolicies.toString(), foundPolicies.toString()));
    }
    return diff;
  }

  /** Each policy as {@code name on scope [namespaces]}, comparable as a set. */
  private static Set<String> described(List<AccessPolicyAssociation> policies) {
    Set<String> described = new TreeSet<>();
    for (AccessPolicyAssociation policy : policies) {
      described.add(
          policy.policyName()
              + " on "
              + policy.scope()
              + (policy.namespaces().isEmpty() ? "" : " " + new TreeSet<>(policy.namespaces())));
    }
    return described;
  }
}
