package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.ScriptedFault;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * One rule of the open fault API, made by {@link Faults#when(String, String)}: which calls it
 * answers (service, operation, conditions on the request), how (an error, a response, time
 * passing), when (before the simulation acts, or after it acted) and how many times. For what the
 * named faults of {@link Faults} do not cover, as a stub of OkHttp's MockWebServer or WireMock.
 *
 * <pre>{@code
 * // The next two creates of node group "gpu" fail as EKS would refuse them; others go through.
 * aws.faults().when("eks", "CreateNodegroup")
 *     .matching(CreateNodegroupRequest.class, r -> r.nodegroupName().equals("gpu"))
 *     .failWith(400, "InvalidParameterException", "No capacity for p5.48xlarge")
 *     .times(2);
 *
 * // IAM creates the role, and the caller hears EntityAlreadyExists: a retry after a lost answer.
 * aws.faults().when("iam", "CreateRole")
 *     .failWith(409, "EntityAlreadyExists", "Role with name nodes already exists.")
 *     .afterActing();
 *
 * // Every DescribeCluster takes 30 virtual seconds, and answers as the simulation does.
 * aws.faults().when("eks", "DescribeCluster").delay(Duration.ofSeconds(30)).always();
 *
 * // The next ListClusters answers this page instead of the simulation's.
 * aws.faults().when("eks", "ListClusters")
 *     .respond(ListClustersResponse.builder().clusters("legacy").build());
 * }</pre>
 *
 * <p>A rule is live as soon as it says how to answer ({@link #failWith(int)}, {@link
 * #respond(AwsResponse)} or {@link #delay(Duration)}), and answers one matching call unless told
 * {@link #times(int)} or {@link #always()}; set it up before the calls it is meant for. Rules are
 * tried in the order they were made; the first live one that matches a call answers it, and counts
 * it. A rule that answers before acting comes before throttling and the named faults, and the
 * simulation does nothing for that call; one that only delays lets the call go on as usual after
 * the delay. A rule {@link #afterActing()} takes only calls the simulation carried out, after the
 * hooks of {@link Faults#afterCommit(String, Runnable)}, and the state change stays.
 *
 * <p>Errors are what the SDK would throw for that service and code: its modeled exception type
 * ({@code EntityAlreadyExistsException} for IAM's "EntityAlreadyExists", {@code
 * InvalidParameterException} for EKS's "InvalidParameterException"), else the service's base type
 * ({@code Ec2Exception} for every EC2 code), with status code and {@code awsErrorDetails()} set. A
 * call a rule answered is recorded in {@link SimulatedAws#calls()} with the status and error code
 * the caller saw. Only operations the simulation models reach the rules.
 */
public final class FaultRule {
  private final ScriptedFault rule;

  FaultRule(ScriptedFault rule) {
    this.rule = rule;
  }

  /**
   * Answers only calls whose request meets {@code condition}; several conditions must all hold.
   * {@code requestType} is the operation's request type (or a supertype); another is an {@link
   * IllegalArgumentException} naming the right one. Requests built with a {@code Consumer} ({@code
   * eks.createNodegroup(r -> r.nodegroupName("gpu"))}) arrive built, as any other.
   *
   * <pre>{@code
   * aws.faults().when("ec2", "CreateSecurityGroup")
   *     .matching(CreateSecurityGroupRequest.class, r -> r.vpcId().equals(vpcId))
   *     .failWith(400, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
   * }</pre>
   */
  public <R extends AwsRequest> FaultRule matching(
      Class<R> requestType, Predicate<? super R> condition) {
    rule.require(
        Objects.requireNonNull(requestType, "requestType"),
        Objects.requireNonNull(condition, "condition"));
    return this;
  }

  /**
   * Answers with the error the service typically gives for {@code statusCode}, the same as {@link
   * Faults#failNext(String, int)} and {@link Faults#error(String, int)} build.
   */
  public FaultRule failWith(int statusCode) {
    rule.failWith(statusCode);
    return this;
  }

  /**
   * Answers with AWS error {@code errorCode} and {@code message}, as the service would send it
   * ("EntityAlreadyExists" for IAM, "InvalidParameterException" for EKS, "InvalidGroup.NotFound"
   * for EC2); the caller gets the exception type the SDK makes of it.
   */
  public FaultRule failWith(int statusCode, String errorCode, String message) {
    rule.failWith(
        statusCode,
        Objects.requireNonNull(errorCode, "errorCode"),
        Objects.requireNonNull(message, "message"));
    return this;
  }

  /**
   * Answers with {@code response}, which must be of the operation's response type ({@code
   * CreateNodegroupResponse} for "CreateNodegroup"); another is an {@link IllegalArgumentException}
   * naming the right one. Before acting the simulation does nothing for the call; {@link
   * #afterActing()} it acts, and the caller sees this response instead of its own.
   */
  public FaultRule respond(AwsResponse response) {
    rule.respond(Objects.requireNonNull(response, "response"));
    return this;
  }

  /**
   * Lets {@code duration} of virtual time pass during each call this rule answers, before its
   * answer: the rule's error or response, else the call's own. Virtual now moves on at once, while
   * the call holds the simulation (other calls wait for it); scheduled tasks that fell due
   * meanwhile run right after, at the later time.
   */
  public FaultRule delay(Duration duration) {
    rule.delay(Objects.requireNonNull(duration, "duration"));
    return this;
  }

  /**
   * Answers after the simulation carried out the call, in place of its answer: with an error, AWS
   * acted and the caller never heard (a lost response); with a response, the caller hears that.
   */
  public FaultRule afterActing() {
    rule.afterActing();
    return this;
  }

  /** Answers {@code times} matching calls in all (1 by default), then lets calls through. */
  public FaultRule times(int times) {
    rule.times(times);
    return this;
  }

  /** Answers every matching call until {@link Faults#clear()}. */
  public FaultRule always() {
    rule.always();
    return this;
  }

  /** How many calls this rule has answered so far. */
  public int answered() {
    return rule.answered();
  }
}
