package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;

/**
 * Every fault a test asked for; consulted by the gateway per call and by the stores per resource.
 */
public final class FaultPlan {
  private static final RateLimit GENEROUS = new RateLimit(1_000, 10_000);

  private record RateLimit(double perSecond, int burst) {}

  private final long seed;

  /**
   * One stream of random draws per operation, so that calling one operation more or less often does
   * not move the faults every other operation draws.
   */
  private final Map<String, Random> draws = new HashMap<>();

  private final Supplier<Instant> clock;
  private double throttleEveryCall;
  private double serverErrorEveryCall;
  private double lostAnswerEveryChange;
  private final Map<String, Double> throttleByOperation = new HashMap<>();
  private RateLimit defaultLimit = GENEROUS;
  private final Map<String, RateLimit> limitByOperation = new HashMap<>();
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private final Map<String, Queue<Integer>> failBefore = new HashMap<>();
  private final CommitHooks commitHooks = new CommitHooks();
  private final FaultRules rules = new FaultRules();
  private final Map<String, List<ClusterIssue>> clusterCreateFailures = new HashMap<>();
  private final Map<String, List<ErrorDetail>> updateFailures = new HashMap<>();
  private final Set<String> fargateProfileFailures = new HashSet<>();
  private final Set<String> fargateProfileDeleteFailures = new HashSet<>();
  private final NodegroupFaults nodegroupFaults = new NodegroupFaults();
  private final NetworkFaults networkFaults = new NetworkFaults();
  private final AddonFaults addonFaults = new AddonFaults();
  private final Map<String, InsightStatusValue> insightStatuses = new HashMap<>();
  private final Map<String, String> launchFailures = new HashMap<>();
  private final Map<String, String> refreshFailures = new HashMap<>();

  public FaultPlan(long seed, Supplier<Instant> clock) {
    // Its own stream, so turning throttling on never changes the drawn durations.
    this.seed = Seeds.mix(seed, 2);
    this.clock = clock;
  }

  /**
   * Sets the throttle probability of one operation, or of every call when {@code operation} is
   * null.
   */
  public synchronized void throttle(String operation, double probability) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("Throttle probability must be in [0, 1]: " + probability);
    }
    if (operation == null) {
      throttleEveryCall = probability;
    } else {
      throttleByOperation.put(operation, probability);
    }
  }

  /** Sets the token bucket of one operation, or the default of every operation when null. */
  public synchronized void rateLimit(String operation, double perSecond, int burst) {
    RateLimit limit = new RateLimit(perSecond, burst);
    new TokenBucket(perSecond, burst, clock.get()); // validates the arguments
    if (operation == null) {
      defaultLimit = limit;
      limitByOperation.clear();
      buckets.clear();
    } else {
      limitByOperation.put(operation, limit);
      buckets.remove(operation);
    }
  }

  /** The next {@code times} calls of {@code operation} fail before they change anything. */
  public synchronized void fail(String operation, int statusCode, int times) {
    requireErrorStatus(statusCode);
    if (times < 1) {
      throw new IllegalArgumentException("Need at least one time: " + times);
    }
    Queue<Integer> queue = failBefore.computeIfAbsent(operation, key -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(statusCode);
    }
  }

  /** Runs {@code action} right after the {@code occurrence}-th committed call from now. */
  public void afterCommit(String operation, int occurrence, Runnable action) {
    commitHooks.add(operation, occurrence, service -> action.run());
  }

  /** The {@code occurrence}-th committed call from now answers {@code statusCode} instead. */
  public void commitThenFail(String operation, int occurrence, int statusCode) {
    requireErrorStatus(statusCode);
    commitHooks.add(
        operation,
        occurrence,
        service -> {
          throw Errors.forStatus(service, statusCode);
        });
  }

  /** What the service of {@code operationOrService} answers for {@code statusCode}. */
  public AwsServiceException error(String operationOrService, int statusCode) {
    requireErrorStatus(statusCode);
    return Errors.forStatus(Service.named(operationOrService), statusCode);
  }

  private static void requireErrorStatus(int statusCode) {
    if (statusCode < 400 || statusCode > 599) {
      throw new IllegalArgumentException("Need an HTTP error status (400-599): " + statusCode);
    }
  }

  public synchronized void failClusterCreate(String clusterName, List<ClusterIssue> issues) {
    clusterCreateFailures.put(clusterName, List.copyOf(issues));
  }

  public synchronized void failUpdate(String clusterName, List<ErrorDetail> errors) {
    updateFailures.put(clusterName, List.copyOf(errors));
  }

  public synchronized void failFargateProfileCreate(String clusterName, String profileName) {
    fargateProfileFailures.add(clusterName + "/" + profileName);
  }

  synchronized boolean takeFargateProfileCreateFailure(String clusterName, String profileName) {
    return fargateProfileFailures.remove(clusterName + "/" + profileName);
  }

  public synchronized void failFargateProfileDelete(String clusterName, String profileName) {
    fargateProfileDeleteFailures.add(clusterName + "/" + profileName);
  }

  synchronized boolean takeFargateProfileDeleteFailure(String clusterName, String profileName) {
    return fargateProfileDeleteFailures.remove(clusterName + "/" + profileName);
  }

  /**
   * Every call fails with a 500 before acting with {@code beforeActing}; every call that changes
   * state loses its answer after acting (AWS acted, the caller sees a 500) with {@code
   * afterActing}.
   */
  public synchronized void serverErrors(double beforeActing, double afterActing) {
    requireProbability(beforeActing);
    requireProbability(afterActing);
    serverErrorEveryCall = beforeActing;
    lostAnswerEveryChange = afterActing;
  }

  synchronized boolean failsBeforeActing(String operation) {
    return serverErrorEveryCall > 0 && draw(operation) < serverErrorEveryCall;
  }

  synchronized boolean losesAnswer(String operation) {
    return lostAnswerEveryChange > 0
        && Operations.mutating(operation)
        && draw(operation) < lostAnswerEveryChange;
  }

  private static void requireProbability(double probability) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("A probability must be in [0, 1]: " + probability);
    }
  }

  public synchronized void clear() {
    throttleEveryCall = 0;
    serverErrorEveryCall = 0;
    lostAnswerEveryChange = 0;
    throttleByOperation.clear();
    defaultLimit = GENEROUS;
    limitByOperation.clear();
    buckets.clear();
    failBefore.clear();
    commitHooks.clear();
    rules.clear();
    clusterCreateFailures.clear();
    updateFailures.clear();
    fargateProfileFailures.clear();
    fargateProfileDeleteFailures.clear();
    nodegroupFaults.clear();
    networkFaults.clear();
    addonFaults.clear();
    insightStatuses.clear();
    launchFailures.clear();
    refreshFailures.clear();
  }

  /** Every instance launch of Auto Scaling group {@code group} fails with {@code message}. */
  public synchronized void failLaunches(String group, String message) {
    launchFailures.put(group, message);
  }

  /** Why launches of {@code group} fail, if a test said they do. */
  synchronized Optional<String> launchFailure(String group) {
    return Optional.ofNullable(launchFailures.get(group));
  }

  /** The next instance refresh of Auto Scaling group {@code group} fails with {@code reason}. */
  public synchronized void failRefresh(String group, String reason) {
    refreshFailures.put(group, reason);
  }

  /** Why the refresh of {@code group} starting now is to fail, if a test said so. */
  synchronized Optional<String> takeRefreshFailure(String group) {
    return Optional.ofNullable(refreshFailures.remove(group));
  }

  /** The rules of the open fault API, by service, operation and request. */
  public FaultRules rules() {
    return rules;
  }

  public NodegroupFaults nodegroups() {
    return nodegroupFaults;
  }

  public NetworkFaults network() {
    return networkFaults;
  }

  public AddonFaults addons() {
    return addonFaults;
  }

  /** The deprecated-API upgrade insight of {@code clusterName} reports {@code status}. */
  public synchronized void insightStatus(String clusterName, InsightStatusValue status) {
    insightStatuses.put(clusterName, status);
  }

  synchronized Optional<InsightStatusValue> insightStatus(String clusterName) {
    return Optional.ofNullable(insightStatuses.get(clusterName));
  }

  synchronized boolean throttles(String operation, Instant now) {
    TokenBucket bucket =
        buckets.computeIfAbsent(
            operation,
            key -> {
              RateLimit limit = limitByOperation.getOrDefault(key, defaultLimit);
              return new TokenBucket(limit.perSecond(), limit.burst(), now);
            });
    if (!bucket.tryTake(now)) {
      return true;
    }
    double probability = throttleByOperation.getOrDefault(operation, throttleEveryCall);
    return probability > 0 && draw(operation) < probability;
  }

  private double draw(String operation) {
    return draws
        .computeIfAbsent(operation, key -> new Random(Seeds.mix(seed, key.hashCode())))
        .nextDouble();
  }

  synchronized Optional<Integer> takeFailure(String operation) {
    Queue<Integer> queue = failBefore.get(operation);
    return Optional.ofNullable(queue == null ? null : queue.poll());
  }

  /** Counts a committed call of {@code operation}; the after-commit hooks now due. */
  List<CommitHooks.Hook> takeDueHooks(String operation) {
    return commitHooks.takeDue(operation);
  }

  synchronized Optional<List<ClusterIssue>> takeClusterCreateFailure(String clusterName) {
    return Optional.ofNullable(clusterCreateFailures.remove(clusterName));
  }

  synchronized Optional<List<ErrorDetail>> takeUpdateFailure(String clusterName) {
    return Optional.ofNullable(updateFailures.remove(clusterName));
  }
}
