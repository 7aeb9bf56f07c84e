package dev.ekskit.simulator.internal;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingRequest;
import software.amazon.awssdk.services.autoscaling.model.CancelInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.CancelInstanceRefreshResponse;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * Simulated Auto Scaling: groups from launch templates, their instances and activities, and
 * instance refreshes.
 */
public final class SimulatedAutoScaling implements AutoScalingClient {
  private static final int DEFAULT_MAX_RECORDS = 50;
  private static final int MAX_RECORDS = 100;

  private final Gateway gateway;
  private final AutoScalingStore store;

  SimulatedAutoScaling(Gateway gateway, AutoScalingStore store) {
    this.gateway = gateway;
    this.store = store;
  }

  @Override
  public CreateAutoScalingGroupResponse createAutoScalingGroup(
      CreateAutoScalingGroupRequest request) {
    return call(
        "CreateAutoScalingGroup",
        request,
        () -> {
          store.create(request);
          return CreateAutoScalingGroupResponse.builder().build();
        });
  }

  /**
   * The groups named (unknown names left out, as AWS does), or every one, that match every filter
   * of {@link AutoScalingFilters}; {@code MaxRecords} (1 to 100, default 50) a page.
   */
  @Override
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(
      DescribeAutoScalingGroupsRequest request) {
    return call(
        "DescribeAutoScalingGroups",
        request,
        () -> {
          List<AutoScalingGroup> found =
              store.describe(request.autoScalingGroupNames()).stream()
                  .filter(g -> AutoScalingFilters.matchAll(g, request.filters()))
                  .toList();
          Page<AutoScalingGroup> page = page(found, request.maxRecords(), request.nextToken());
          return DescribeAutoScalingGroupsResponse.builder()
              .autoScalingGroups(page.items())
              .nextToken(page.nextToken())
              .build();
        });
  }

  @Override
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups() {
    return describeAutoScalingGroups(DescribeAutoScalingGroupsRequest.builder().build());
  }

  @Override
  public UpdateAutoScalingGroupResponse updateAutoScalingGroup(
      UpdateAutoScalingGroupRequest request) {
    return call(
        "UpdateAutoScalingGroup",
        request,
        () -> {
          store.update(request);
          return UpdateAutoScalingGroupResponse.builder().build();
        });
  }

  @Override
  public DeleteAutoScalingGroupResponse deleteAutoScalingGroup(
      DeleteAutoScalingGroupRequest request) {
    return call(
        "DeleteAutoScalingGroup",
        request,
        () -> {
          store.delete(request.autoScalingGroupName(), Boolean.TRUE.equals(request.forceDelete()));
          return DeleteAutoScalingGroupResponse.builder().build();
        });
  }

  /** Newest first, on one page. */
  @Override
  public DescribeScalingActivitiesResponse describeScalingActivities(
      DescribeScalingActivitiesRequest request) {
    return call(
        "DescribeScalingActivities",
        request,
        () ->
            DescribeScalingActivitiesResponse.builder()
                .activities(store.activities(request.autoScalingGroupName(), request.maxRecords()))
                .build());
  }

  /**
   * Replaces the group's instances in batches on virtual time (see {@link RollingRefresh}); the
   * Rolling strategy, MinHealthyPercentage, InstanceWarmup, SkipMatching and a desired
   * configuration are modelled, checkpoints, alarms and rollback are not.
   */
  @Override
  public StartInstanceRefreshResponse startInstanceRefresh(StartInstanceRefreshRequest request) {
    return call(
        "StartInstanceRefresh",
        request,
        () ->
            StartInstanceRefreshResponse.builder()
                .instanceRefreshId(store.startInstanceRefresh(request))
                .build());
  }

  /** Newest first; {@code MaxRecords} (1 to 100, default 50) a page. */
  @Override
  public DescribeInstanceRefreshesResponse describeInstanceRefreshes(
      DescribeInstanceRefreshesRequest request) {
    return call(
        "DescribeInstanceRefreshes",
        request,
        () -> {
          Page<InstanceRefresh> page =
              page(
                  store.instanceRefreshes(
                      request.autoScalingGroupName(), request.instanceRefreshIds()),
                  request.maxRecords(),
                  request.nextToken());
          return DescribeInstanceRefreshesResponse.builder()
              .instanceRefreshes(page.items())
              .nextToken(page.nextToken())
              .build();
        });
  }

  @Override
  public CancelInstanceRefreshResponse cancelInstanceRefresh(CancelInstanceRefreshRequest request) {
    return call(
        "CancelInstanceRefresh",
        request,
        () ->
            CancelInstanceRefreshResponse.builder()
                .instanceRefreshId(store.cancelInstanceRefresh(request.autoScalingGroupName()))
                .build());
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  private static <T> Page<T> page(List<T> all, Integer maxRecords, String nextToken) {
    int size = maxRecords == null ? DEFAULT_MAX_RECORDS : maxRecords;
    if (size < 1 || size > MAX_RECORDS) {
      throw Errors.validationError(
          "1 validation error detected: Value '"
              + size
              + "' at 'maxRecords' failed to satisfy constraint: Member must have value between 1"
              + " and "
              + MAX_RECORDS);
    }
    return Page.of(
        all,
        size,
        nextToken,
        () ->
            Errors.autoScaling(
                InvalidNextTokenException.builder(),
                400,
                "InvalidNextToken",
                "The token '" + nextToken + "' is invalid."));
  }

  private <T> T call(String operation, AutoScalingRequest request, Supplier<T> action) {
    return gateway.call(
        Service.AUTO_SCALING,
        operation,
        request,
        () -> {
          store.settle();
          return action.get();
        });
  }
}
