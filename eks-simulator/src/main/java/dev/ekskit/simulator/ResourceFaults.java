package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.FaultPlan;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonIssueCode;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ClusterIssueCode;
import software.amazon.awssdk.services.eks.model.ErrorCode;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;
import software.amazon.awssdk.services.eks.model.Issue;

/**
 * The faults of {@link Faults} in how resources end rather than in how calls answer: a cluster,
 * update, Fargate profile, node group or add-on that fails, an instance refresh or launch that
 * fails, a NAT gateway that fails, an upgrade insight. Each call returns the {@link Faults} for
 * chaining.
 */
abstract sealed class ResourceFaults permits Faults {
  final FaultPlan plan;

  ResourceFaults(FaultPlan plan) {
    this.plan = plan;
  }

  /** The {@link Faults} these are part of, for chaining. */
  abstract Faults self();

  /** The next create of {@code clusterName} ends FAILED with a subnet-not-found health issue. */
  public final Faults failClusterCreate(String clusterName) {
    return failClusterCreate(
        clusterName,
        ClusterIssue.builder()
            .code(ClusterIssueCode.EC2_SUBNET_NOT_FOUND)
            .message("One or more subnets of the cluster could not be found")
            .build());
  }

  /** The next create of {@code clusterName} ends FAILED with these {@code health().issues()}. */
  public final Faults failClusterCreate(String clusterName, ClusterIssue... issues) {
    if (issues.length == 0) {
      throw new IllegalArgumentException("A failed cluster needs at least one health issue");
    }
    plan.failClusterCreate(Objects.requireNonNull(clusterName, "clusterName"), List.of(issues));
    return self();
  }

  /**
   * The next create of Fargate profile {@code profileName} of {@code clusterName} ends
   * CREATE_FAILED with an {@code InternalFailure} health issue.
   */
  public final Faults failFargateProfileCreate(String clusterName, String profileName) {
    plan.failFargateProfileCreate(
        Objects.requireNonNull(clusterName, "clusterName"),
        Objects.requireNonNull(profileName, "profileName"));
    return self();
  }

  /**
   * The next delete of Fargate profile {@code profileName} of {@code clusterName} shows DELETING
   * for the usual time, then DELETE_FAILED with an {@code InternalFailure} health issue; the
   * profile stays, and a later delete works.
   */
  public final Faults failFargateProfileDelete(String clusterName, String profileName) {
    plan.failFargateProfileDelete(
        Objects.requireNonNull(clusterName, "clusterName"),
        Objects.requireNonNull(profileName, "profileName"));
    return self();
  }

  /** The next update of {@code clusterName} ends {@code Failed} with an "Unknown" error. */
  public final Faults failUpdate(String clusterName) {
    return failUpdate(
        clusterName,
        ErrorDetail.builder()
            .errorCode(ErrorCode.UNKNOWN)
            .errorMessage("The update failed in the simulation")
            .build());
  }

  /**
   * The next update of {@code clusterName} ends {@code Failed} with these errors; nothing changes.
   */
  public final Faults failUpdate(String clusterName, ErrorDetail... errors) {
    if (errors.length == 0) {
      throw new IllegalArgumentException("A failed update needs at least one error");
    }
    plan.failUpdate(Objects.requireNonNull(clusterName, "clusterName"), List.of(errors));
    return self();
  }

  /**
   * The next create of node group {@code nodegroup} in {@code clusterName} ends {@code
   * CREATE_FAILED} with these {@code health().issues()}.
   */
  public final Faults failNodegroupCreate(String clusterName, String nodegroup, Issue... issues) {
    plan.nodegroups().failCreate(clusterName, nodegroup, requireIssues(issues));
    return self();
  }

  /** The next create of {@code nodegroup} ends {@code DEGRADED} with these health issues. */
  public final Faults degradeNodegroup(String clusterName, String nodegroup, Issue... issues) {
    plan.nodegroups().degrade(clusterName, nodegroup, requireIssues(issues));
    return self();
  }

  /**
   * The next create of add-on {@code addon} in {@code clusterName} ends {@code CREATE_FAILED} with
   * a {@code ConfigurationConflict} health issue.
   */
  public final Faults failAddonCreate(String clusterName, String addon) {
    plan.addons()
        .failCreate(
            Objects.requireNonNull(clusterName, "clusterName"),
            Objects.requireNonNull(addon, "addon"),
            List.of(
                AddonIssue.builder()
                    .code(AddonIssueCode.CONFIGURATION_CONFLICT)
                    .message(
                        "Conflicts found when trying to apply. Will not continue due to resolve"
                            + " conflicts mode.")
                    .build()));
    return self();
  }

  /**
   * The next create of add-on {@code addon} in {@code clusterName} ends {@code DEGRADED} with these
   * health issues, whatever capacity the cluster has, until the add-on is deleted.
   */
  public final Faults degradeAddon(String clusterName, String addon, AddonIssue... issues) {
    if (issues.length == 0) {
      throw new IllegalArgumentException("A degraded add-on needs at least one health issue");
    }
    plan.addons()
        .degrade(
            Objects.requireNonNull(clusterName, "clusterName"),
            Objects.requireNonNull(addon, "addon"),
            List.of(issues));
    return self();
  }

  /**
   * The upgrade-readiness insight on deprecated APIs of {@code clusterName} reports {@code status}
   * (WARNING or ERROR, with deprecation details; PASSING by default) until {@link Faults#clear()}.
   */
  public final Faults upgradeInsight(String clusterName, InsightStatusValue status) {
    plan.insightStatus(
        Objects.requireNonNull(clusterName, "clusterName"),
        Objects.requireNonNull(status, "status"));
    return self();
  }

  private static List<Issue> requireIssues(Issue... issues) {
    if (issues.length == 0) {
      throw new IllegalArgumentException("A failing node group needs at least one health issue");
    }
    return List.of(issues);
  }

  /**
   * Every instance launch of Auto Scaling group {@code groupName} fails with EC2's {@code
   * statusMessage} (e.g. "We currently do not have sufficient m5.large capacity..."), shown as a
   * Failed scaling activity; the group keeps retrying until {@link Faults#clear()}.
   */
  public final Faults failInstanceLaunches(String groupName, String statusMessage) {
    plan.failLaunches(groupName, statusMessage);
    return self();
  }

  /**
   * The next instance refresh of Auto Scaling group {@code groupName} (started after this call)
   * ends {@code Failed} once its first batch of replacements is InService (at once if nothing needs
   * replacing), with a StatusReason about instances failing their health checks; the instances
   * already replaced stay, and the group keeps its configuration.
   */
  public final Faults failInstanceRefresh(String groupName) {
    return failInstanceRefresh(
        groupName,
        "Instance refresh failed: replacement instances failed their health checks after"
            + " launch.");
  }

  /**
   * The next instance refresh of {@code groupName} ends {@code Failed} with {@code statusReason}.
   */
  public final Faults failInstanceRefresh(String groupName, String statusReason) {
    plan.failRefresh(
        Objects.requireNonNull(groupName, "groupName"),
        Objects.requireNonNull(statusReason, "statusReason"));
    return self();
  }

  /**
   * The next NAT gateway created ends {@code failed} after its usual pending time, with EC2's
   * {@code InternalError} about its network interface; it holds no Elastic IP and leaves no
   * interface. Gateways fail on their own too, as in EC2, when the VPC has no internet gateway or
   * the Elastic IP is missing or taken.
   */
  public final Faults failNextNatGateway() {
    return failNextNatGateway(
        "InternalError",
        "Network interface created and used internally by this NAT gateway is in an invalid state."
            + " Please try again.");
  }

  /** The next NAT gateway created ends {@code failed} with this failure code and message. */
  public final Faults failNextNatGateway(String failureCode, String failureMessage) {
    plan.network()
        .failNextNatGateway(
            Objects.requireNonNull(failureCode, "failureCode"),
            Objects.requireNonNull(failureMessage, "failureMessage"));
    return self();
  }
}
