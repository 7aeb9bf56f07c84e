package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.FaultPlan;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Faults to inject into a {@link SimulatedAws}; each named fault returns this for chaining.
 * Operations are named as AWS names them ("CreateCluster", "DescribeSubnets"). Random faults draw
 * from the seed, one stream per operation, so a run repeats exactly and calling one operation more
 * often does not move the faults of the others. Besides faults in how calls answer, there are
 * faults in how resources end: a cluster, node group, add-on, update, refresh or NAT gateway that
 * fails.
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
 *
 * <p>For what these named faults do not cover, {@link #when(String, String)} makes a {@link
 * FaultRule}: any operation of any simulated service, matched on its request, answered with any
 * error code, a response of your own, or a delay, before or after the simulation acts:
 *
 * <pre>{@code
 * aws.faults().when("eks", "CreateNodegroup")
 *     .matching(CreateNodegroupRequest.class, r -> r.nodegroupName().equals("gpu"))
 *     .failWith(400, "InvalidParameterException", "No capacity for p5.48xlarge")
 *     .times(2);
 * }</pre>
 */
public final class Faults extends ResourceFaults {
  Faults(FaultPlan plan) {
    super(plan);
  }

  @Override
  Faults self() {
    return this;
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

  /**
   * A new {@link FaultRule} for {@code operation} of {@code service}, which answers nothing until
   * told how. Name the service as the SDK's package does ("eks", "ec2", "iam", "ssm",
   * "autoscaling", "elasticloadbalancingv2") and the operation as AWS does ("CreateNodegroup",
   * "CreateOpenIDConnectProvider") or as the SDK's request class does
   * ("CreateOpenIdConnectProvider"); an unknown one is an {@link IllegalArgumentException}.
   *
   * <pre>{@code
   * FaultRule lost = aws.faults().when("autoscaling", "CreateAutoScalingGroup")
   *     .failWith(500).afterActing();
   * // ... run the code under test, then:
   * assertThat(lost.answered()).isEqualTo(1);
   * }</pre>
   */
  public FaultRule when(String service, String operation) {
    return new FaultRule(
        plan.rules()
            .add(
                Objects.requireNonNull(service, "service"),
                Objects.requireNonNull(operation, "operation")));
  }

  /**
   * Removes every fault, fault rules and after-commit hooks included, and restores the default rate
   * limits.
   */
  public Faults clear() {
    plan.clear();
    return this;
  }
}
