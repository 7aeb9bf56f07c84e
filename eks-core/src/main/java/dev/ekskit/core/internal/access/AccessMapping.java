package dev.ekskit.core.internal.access;

import dev.ekskit.core.AccessEntryInfo;
import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.FieldDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.eks.model.AccessEntry;
import software.amazon.awssdk.services.eks.model.AccessScope;
import software.amazon.awssdk.services.eks.model.AssociatedAccessPolicy;

/** Maps between ekskit's access types and EKS's, and compares them. Pure functions. */
final class AccessMapping {
  static final String STANDARD = "STANDARD";

  private AccessMapping() {}

  static AccessScope scope(AccessPolicyAssociation policy) {
    return AccessScope.builder().type(policy.scope()).namespaces(policy.namespaces()).build();
  }

  static AccessPolicyAssociation association(AssociatedAccessPolicy associated) {
    AccessScope scope = associated.accessScope();
    return new AccessPolicyAssociation(associated.policyArn(), scope.type(), scope.namespaces());
  }

  /** The same policy with the same scope: namespaces compare as a set. */
  static boolean same(AccessPolicyAssociation wanted, AssociatedAccessPolicy actual) {
    return wanted.policyArn().equals(actual.policyArn())
        && wanted.scope() == actual.accessScope().type()
        && new TreeSet<>(wanted.namespaces())
            .equals(new TreeSet<>(actual.accessScope().namespaces()));
  }

  /** Where an existing entry differs from the spec in what only a delete could change. */
  static List<FieldDifference> fixedDifferences(AccessEntry actual) {
    return STANDARD.equals(actual.type())
        ? List.of()
        : List.of(new FieldDifference("type", STANDARD, actual.type()));
  }

  /** Where an existing entry differs from the spec in what UpdateAccessEntry changes. */
  static List<FieldDifference> namesDifferences(AccessEntrySpec spec, AccessEntry actual) {
    List<FieldDifference> diff = new ArrayList<>();
    spec.username()
        .filter(name -> !name.equals(actual.username()))
        .ifPresent(name -> diff.add(new FieldDifference("username", name, actual.username())));
    Set<String> wanted = new TreeSet<>(spec.kubernetesGroups());
    Set<String> found = new TreeSet<>(actual.kubernetesGroups());
    if (!wanted.equals(found)) {
      diff.add(new FieldDifference("kubernetesGroups", wanted.toString(), found.toString()));
    }
    return diff;
  }

  static AccessEntryInfo info(AccessEntry entry, List<AssociatedAccessPolicy> policies) {
    return new AccessEntryInfo(
        entry.clusterName(),
        entry.principalArn(),
        Objects.requireNonNullElse(entry.type(), STANDARD),
        Objects.requireNonNullElse(entry.username(), ""),
        entry.kubernetesGroups(),
        policies.stream().map(AccessMapping::association).toList(),
        entry.accessEntryArn(),
        entry.tags(),
        entry.createdAt(),
        entry.modifiedAt());
  }
}
