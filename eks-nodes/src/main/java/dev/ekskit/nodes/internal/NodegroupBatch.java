package dev.ekskit.nodes.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.Violations;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of a {@code createAll} of either kind of node group, before any AWS call: at least one
 * spec, none null or repeated, each able to be created on its own, and a parallelism of at least
 * one.
 */
public final class NodegroupBatch {
  /** What a batch needs to know of one spec. */
  public record Member(
      String clusterName, String name, List<String> subnetIds, Optional<String> nodeRoleArn) {}

  private NodegroupBatch() {}

  /**
   * Throws an {@code InvalidSpecException} of {@code specType} with every violation at once.
   *
   * @return the batch's resource: {@code kind} named by every {@code cluster/name}
   */
  public static <S> ResourceRef check(
      String specType, String kind, List<S> specs, int parallelism, Function<S, Member> member) {
    Violations.requireGiven(specType, "specs", specs);
    Violations v = new Violations(specType);
    if (specs.isEmpty()) {
      v.add("specs", "min-size", "needs at least one node group");
    }
    if (parallelism < 1) {
      v.add("parallelism", "range", "must be at least 1, was " + parallelism);
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i) == null) {
        v.add("specs[" + i + "]", "required", "must be given, was null");
        continue;
      }
      Member spec = member.apply(specs.get(i));
      String id = spec.clusterName() + "/" + spec.name();
      if (!seen.add(id)) {
        v.add("specs[" + i + "]", "unique", "repeats node group " + id);
      }
      for (Violation missing : NodePartRules.creatable(spec.subnetIds(), spec.nodeRoleArn())) {
        v.add("specs[" + i + "]." + missing.field(), missing.rule(), missing.message());
      }
    }
    v.throwIfAny();
    return new ResourceRef(kind, String.join(",", seen));
  }
}
