package dev.ekskit.core.internal.addons;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.Readiness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eks.model.Addon;

/**
 * Which add-on states end a wait, and how. ACTIVE is done. CREATE_FAILED, UPDATE_FAILED and
 * DELETING fail at once. DEGRADED because its pods have nowhere to run yet is not a failure
 * (coredns or the EBS CSI controller before any node exists): the wait ends with the add-on as it
 * is. DEGRADED while the cluster has capacity, or with issues other than missing replicas, is given
 * {@link #GRACE} to recover (pods being scheduled on fresh nodes), then fails with the health
 * issues and a hint. One instance serves one wait: it remembers since when the add-on is degraded.
 */
final class AddonReadiness {
  /** How long an add-on may stay DEGRADED while it has somewhere to run. */
  static final Duration GRACE = Duration.ofMinutes(5);

  private static final String NO_REPLICAS = "InsufficientNumberOfReplicas";

  private final ResourceRef ref;
  private final Supplier<Instant> clock;
  private final BooleanSupplier capacity;
  private Instant degradedSince;

  /**
   * @param capacity a blocking question: does the cluster have anywhere to run the add-on's pods
   */
  AddonReadiness(ResourceRef ref, Supplier<Instant> clock, BooleanSupplier capacity) {
    this.ref = ref;
    this.clock = clock;
    this.capacity = capacity;
  }

  Readiness<Addon> check(Addon addon) {
    String status = addon.statusAsString();
    List<HealthIssue> issues = AddonMapping.healthIssues(addon);
    return switch (status) {
      case "ACTIVE" -> Readiness.ready(status, addon);
      case "CREATE_FAILED", "UPDATE_FAILED", "DELETING", "DELETE_FAILED" ->
          Readiness.failed(status, failure(status, issues));
      case "DEGRADED" -> degraded(addon, issues);
      default -> {
        degradedSince = null;
        yield Readiness.pending(status);
      }
    };
  }

  private Readiness<Addon> degraded(Addon addon, List<HealthIssue> issues) {
    boolean onlyMissingReplicas = issues.stream().allMatch(i -> i.code().equals(NO_REPLICAS));
    if (onlyMissingReplicas && !capacity.getAsBoolean()) {
      return Readiness.ready("DEGRADED", addon);
    }
    Instant now = clock.get();
    if (degradedSince == null) {
      degradedSince = now;
    }
    return Duration.between(degradedSince, now).compareTo(GRACE) < 0
        ? Readiness.pending("DEGRADED")
        : Readiness.failed("DEGRADED", failure("DEGRADED", issues));
  }

  private ResourceFailedException failure(String status, List<HealthIssue> issues) {
    String name = ref.name().substring(ref.name().indexOf('/') + 1);
    String cluster = ref.name().substring(0, ref.name().indexOf('/'));
    String cleanup =
        status.equals("DELETING")
            ? ""
            : "the add-on stays; fix the issues and run the operation again, or remove it with"
                + " kit.addons().delete(\""
                + cluster
                + "\", \""
                + name
                + "\")";
    return new ResourceFailedException(
        ref,
        status,
        issues,
        status.equals("DELETING")
            ? "the add-on is being deleted, by another process or person"
            : AddonHints.forIssues(issues),
        cleanup);
  }
}
