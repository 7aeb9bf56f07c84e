package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.FaultPlan;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonIssueCode;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ClusterIssueCode;
import software.amazon.awssdk.services.eks.model.ErrorCode;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;
import software.amazon.awssdk.services.eks.model.Issue;

/**
 * Faults to inject into a {@link SimulatedAws}; each call returns this for chaining. Operations are
 * named as AWS names them ("CreateCluster", "DescribeSubnets"). Random faults draw from the seed,
 * so a run repeats exactly.
 *
 * <pre>{@code
 * aws.faults()
 *    .throttle(0.30)                              // 30% of all calls: 429 TooManyRequestsException
 *    .failNext("DescribeCluster", 503)            // once: 503 ServiceUnavailableException
 *    .commitThenFail("CreateCluster", 500)        // created, yet the caller sees 500 InternalFailure
 *    .afterCommit("CreateRole", 2, run::cancel)   // right after the 2nd CreateRole: stop the run
 *    .failClusterCreate("orders")                 // CREATING, then FAILED with health issues
 *    .failUpdate("orders")                        // next update of "orders" ends Failed
 *    .failInstanceRefresh("workers");             // next refresh of group "workers" ends Failed
 * }</pre>
 *
 * <p>Status codes map to what the service really answers: for EKS 429 is {@code EksException}
 * "TooManyRequestsException", 500 {@code EksException} "InternalFailure", 503 {@code
 * ServiceUnavailableException}, 400 {@code InvalidRequestException}, 403 {@code
 * AccessDeniedException}, 404 {@code ResourceNotFoundException}, 409 {@code
 * ResourceInUseException}; for EC2 throttling is 503 "RequestLimitExceeded"; for IAM 500 is {@code
 * ServiceFailureException} "ServiceFailure"; for Auto Scaling and Elastic Load Balancing throttling
 * is 400 "Throttling", 500 "InternalFailure". {@link #error(String, int)} builds the same errors.
 */
public final class Faults {
  private final FaultPlan plan;

  Faults(FaultPlan plan) {
    this.plan = plan;
  }

  /** Throttles every call with this probability (0 to 1). */
  public Faults throttle(double probability) {
    plan.throttle(null, probability);
    return this;
  }

  /**
   * Throttles calls of one operation with this probability, overriding {@link #throttle(double)}.
   */
  public Faults throttle(String operation, double probability) {
    plan.throttle(Objects.requireNonNull(operation, "operation"), probability);
    return this;
  }

  /**
   * Every call fails with a 500 {@code InternalFailure} before acting with probability {@code
   * beforeActing}, and every call that changes state acts but loses its answer (the caller sees a
   * 500, as when a response is lost) with probability {@code afterActing}: faults a resumable
   * caller must survive without duplicating anything. Draws come from the simulation's seed.
   */
  public Faults serverErrors(double beforeActing, double afterActing) {
    plan.serverErrors(beforeActing, afterActing);
    return this;
  }

  /**
   * Gives every operation its own token bucket of {@code burst} calls refilled at {@code perSecond}
   * on virtual time. The default (1000/s, burst 10000) never throttles a normal test.
   */
  public Faults rateLimit(double perSecond, int burst) {
    plan.rateLimit(null, perSecond, burst);
    return this;
  }

  /**
   * Gives one operation its own token bucket, e.g. {@code rateLimit("DescribeCluster", 10, 20)}.
   */
  public Faults rateLimit(String operation, double perSecond, int burst) {
    plan.rateLimit(Objects.requireNonNull(operation, "operation"), perSecond, burst);
    return this;
  }

  /** The next call of {@code operation} fails with {@code statusCode} and changes nothing. */
  public Faults failNext(String operation, int statusCode) {
    return failNext(operation, statusCode, 1);
  }

  /**
   * The next {@code times} calls of {@code operation} fail with {@code statusCode} and change
   * nothing.
   */
  public Faults failNext(String operation, int statusCode, int times) {
    plan.fail(Objects.requireNonNull(operation, "operation"), statusCode, times);
    return this;
  }

  /**
   * The next successful call of {@code operation} takes effect, then the caller gets {@code
   * statusCode}: a lost response. The same as {@code commitThenFail(operation, 1, statusCode)}, so
   * asking twice still loses only the next answer; use the occurrence to lose later ones.
   */
  public Faults commitThenFail(String operation, int statusCode) {
    return commitThenFail(operation, 1, statusCode);
  }

  /**
   * The {@code occurrence}-th successful call of {@code operation} from now (1 = the next) takes
   * effect, then the caller gets {@code statusCode}. Calls that fail before taking effect
   * (throttled, {@link #failNext}, a conflict) do not count.
   *
   * <pre>{@code
   * aws.faults().commitThenFail("CreateLaunchTemplate", 2, 500);  // the second one is lost
   * }</pre>
   */
  public Faults commitThenFail(String operation, int occurrence, int statusCode) {
    plan.commitThenFail(Objects.requireNonNull(operation, "operation"), occurrence, statusCode);
    return this;
  }

  /**
   * Runs {@code action} right after the next call of {@code operation} took effect, before its
   * answer returns to the caller: the moment a process may stop, or a response may get lost, after
   * AWS acted. The same as {@code afterCommit(operation, 1, action)}.
   *
   * <pre>{@code
   * // The profile exists; then the run (the code under test's own handle) stops before it hears.
   * aws.faults().afterCommit("CreateInstanceProfile", run::cancel);
   * // ... let the run end, start the same step again, then check nothing doubled:
   * assertThat(aws.iam().listInstanceProfiles(r -> r.pathPrefix("/ekskit/")).instanceProfiles())
   *     .hasSize(1);
   * }</pre>
   *
   * @see #afterCommit(String, int, Runnable)
   */
  public Faults afterCommit(String operation, Runnable action) {
    return afterCommit(operation, 1, action);
  }

  /**
   * Runs {@code action} right after the {@code occurrence}-th call of {@code operation} from now (1
   * = the next) took effect, before its answer returns to the caller. Only calls that take effect
   * count: a throttled, failed or conflicting call changed nothing.
   *
   * <p>The action runs synchronously inside the simulated call, on the caller's thread, holding the
   * simulation's lock: it sees the committed state, and may call the simulated clients (the hooked
   * call is recorded first, so a test woken by the action finds it). It must not wait for another
   * thread that calls the simulation. If it throws an {@code AwsServiceException}, such as one from
   * {@link #error(String, int)}, the caller gets that error instead of the answer, and the state
   * change stays; anything else it does just happens, and the call answers normally. Every hook due
   * on the same call runs; the first error thrown wins. The call is recorded in {@link
   * SimulatedAws#calls()} with the outcome the caller saw.
   *
   * <pre>{@code
   * // Stop the run right after the 3rd CreateAutoScalingGroup, and lose that answer too.
   * aws.faults().afterCommit("CreateAutoScalingGroup", 3, () -> {
   *     run.cancel();
   *     throw aws.faults().error("CreateAutoScalingGroup", 500);
   * });
   * }</pre>
   */
  public Faults afterCommit(String operation, int occurrence, Runnable action) {
    plan.afterCommit(
        Objects.requireNonNull(operation, "operation"),
        occurrence,
        Objects.requireNonNull(action, "action"));
    return this;
  }

  /**
   * The error the simulation answers for {@code statusCode}, as injected failures do: the modeled
   * SDK exception type, status code and {@code awsErrorDetails()}. Name the service as {@link
   * Call#service()} does ("Iam", "AutoScaling") or one of its operations ("CreateRole"); an
   * operation several services share (e.g. "DeleteTags") needs the service name.
   *
   * <pre>{@code
   * throw aws.faults().error("Iam", 500);   // ServiceFailureException, 500, "ServiceFailure"
   * }</pre>
   */
  public AwsServiceException error(String operationOrService, int statusCode) {
    return plan.error(Objects.requireNonNull(operationOrService, "operationOrService"), statusCode);
  }

  /** The next create of {@code clusterName} ends FAILED with a subnet-not-found health issue. */
  public Faults failClusterCreate(String clusterName) {
    return failClusterCreate(
        clusterName,
        ClusterIssue.builder()
            .code(ClusterIssueCode.EC2_SUBNET_NOT_FOUND)
            .message("One or more subnets of the cluster could not be found")
            .build());
  }

  /** The next create of {@code clusterName} ends FAILED with these {@code health().issues()}. */
  public Faults failClusterCreate(String clusterName, ClusterIssue... issues) {
    if (issues.length == 0) {
      throw new IllegalArgumentException("A failed cluster needs at least one health issue");
    }
    plan.failClusterCreate(Objects.requireNonNull(clusterName, "clusterName"), List.of(issues));
    return this;
  }

  /**
   * The next create of Fargate profile {@code profileName} of {@code clusterName} ends
   * CREATE_FAILED with an {@code InternalFailure} health issue.
   */
  public Faults failFargateProfileCreate(String clusterName, String profileName) {
    plan.failFargateProfileCreate(
        Objects.requireNonNull(clusterName, "clusterName"),
        Objects.requireNonNull(profileName, "profileName"));
    return this;
  }

  /**
   * The next delete of Fargate profile {@code profileName} of {@code clusterName} shows DELETING
   * for the usual time, then DELETE_FAILED with an {@code InternalFailure} health issue; the
   * profile stays, and a later delete works.
   */
  public Faults failFargateProfileDelete(String clusterName, String profileName) {
    plan.failFargateProfileDelete(
        Objects.requireNonNull(clusterName, "clusterName"),
        Objects.requireNonNull(profileName, "profileName"));
    return this;
  }

  /** The next update of {@code clusterName} ends {@code Failed} with an "Unknown" error. */
  public Faults failUpdate(String clusterName) {
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
  public Faults failUpdate(String clusterName, ErrorDetail... errors) {
    if (errors.length == 0) {
      throw new IllegalArgumentException("A failed update needs at least one error");
    }
    plan.failUpdate(Objects.requireNonNull(clusterName, "clusterName"), List.of(errors));
    return this;
  }

  /**
   * The next create of node group {@code nodegroup} in {@code clusterName} ends {@code
   * CREATE_FAILED} with these {@code health().issues()}.
   */
  public Faults failNodegroupCreate(String clusterName, String nodegroup, Issue... issues) {
    plan.nodegroups().failCreate(clusterName, nodegroup, requireIssues(issues));
    return this;
  }

  /** The next create of {@code nodegroup} ends {@code DEGRADED} with these health issues. */
  public Faults degradeNodegroup(String clusterName, String nodegroup, Issue... issues) {
    plan.nodegroups().degrade(clusterName, nodegroup, requireIssues(issues));
    return this;
  }

  /**
   * The next create of add-on {@code addon} in {@code clusterName} ends {@code CREATE_FAILED} with
   * a {@code ConfigurationConflict} health issue.
   */
  public Faults failAddonCreate(String clusterName, String addon) {
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
    return this;
  }

  /**
   * The next create of add-on {@code addon} in {@code clusterName} ends {@code DEGRADED} with these
   * health issues, whatever capacity the cluster has, until the add-on is deleted.
   */
  public Faults degradeAddon(String clusterName, String addon, AddonIssue... issues) {
    if (issues.length == 0) {
      throw new IllegalArgumentException("A degraded add-on needs at least one health issue");
    }
    plan.addons()
        .degrade(
            Objects.requireNonNull(clusterName, "clusterName"),
            Objects.requireNonNull(addon, "addon"),
            List.of(issues));
    return this;
  }

  /**
   * The upgrade-readiness insight on deprecated APIs of {@code clusterName} reports {@code status}
   * (WARNING or ERROR, with deprecation details; PASSING by default) until {@link #clear()}.
   */
  public Faults upgradeInsight(String clusterName, InsightStatusValue status) {
    plan.insightStatus(
        Objects.requireNonNull(clusterName, "clusterName"),
        Objects.requireNonNull(status, "status"));
    return this;
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
   * Failed scaling activity; the group keeps retrying until {@link #clear()}.
   */
  public Faults failInstanceLaunches(String groupName, String statusMessage) {
    plan.failLaunches(groupName, statusMessage);
    return this;
  }

  /**
   * The next instance refresh of Auto Scaling group {@code groupName} (started after this call)
   * ends {@code Failed} once its first batch of replacements is InService (at once if nothing needs
   * replacing), with a StatusReason about instances failing their health checks; the instances
   * already replaced stay, and the group keeps its configuration.
   */
  public Faults failInstanceRefresh(String groupName) {
    return failInstanceRefresh(
        groupName,
        "Instance refresh failed: replacement instances failed their health checks after"
            + " launch.");
  }

  /**
   * The next instance refresh of {@code groupName} ends {@code Failed} with {@code statusReason}.
   */
  public Faults failInstanceRefresh(String groupName, String statusReason) {
    plan.failRefresh(
        Objects.requireNonNull(groupName, "groupName"),
        Objects.requireNonNull(statusReason, "statusReason"));
    return this;
  }

  /**
   * The next NAT gateway created ends {@code failed} after its usual pending time, with EC2's
   * {@code InternalError} about its network interface; it holds no Elastic IP and leaves no
   * interface. Gateways fail on their own too, as in EC2, when the VPC has no internet gateway or
   * the Elastic IP is missing or taken.
   */
  public Faults failNextNatGateway() {
    return failNextNatGateway(
        "InternalError",
        "Network interface created and used internally by this NAT gateway is in an invalid state."
            + " Please try again.");
  }

  /** The next NAT gateway created ends {@code failed} with this failure code and message. */
  public Faults failNextNatGateway(String failureCode, String failureMessage) {
    plan.network()
        .failNextNatGateway(
            Objects.requireNonNull(failureCode, "failureCode"),
            Objects.requireNonNull(failureMessage, "failureMessage"));
    return this;
  }

  /** Removes every fault, after-commit hooks included, and restores the default rate limits. */
  public Faults clear() {
    plan.clear();
    return this;
  }
}
