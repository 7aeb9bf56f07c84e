package dev.ekskit.testkit.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/** Simulated Auto Scaling: groups from launch templates, their instances and activities. */
public final class SimulatedAutoScaling implements AutoScalingClient {
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
        () -> {
          store.create(request);
          return CreateAutoScalingGroupResponse.builder().build();
        });
  }

  /** Every group on one page; unknown names are left out, as AWS does. */
  @Override
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(
      DescribeAutoScalingGroupsRequest request) {
    return call(
        "DescribeAutoScalingGroups",
        () ->
            DescribeAutoScalingGroupsResponse.builder()
                .autoScalingGroups(store.describe(request.autoScalingGroupNames()))
                .build());
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
        () -> {
          store.update(
              request.autoScalingGroupName(),
              request.minSize(),
              request.desiredCapacity(),
              request.maxSize());
          return UpdateAutoScalingGroupResponse.builder().build();
        });
  }

  @Override
  public DeleteAutoScalingGroupResponse deleteAutoScalingGroup(
      DeleteAutoScalingGroupRequest request) {
    return call(
        "DeleteAutoScalingGroup",
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
        () ->
            DescribeScalingActivitiesResponse.builder()
                .activities(store.activities(request.autoScalingGroupName(), request.maxRecords()))
                .build());
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  private <T> T call(String operation, Supplier<T> action) {
    return gateway.call(
        Service.AUTO_SCALING,
        operation,
        () -> {
          store.settle();
          return action.get();
        });
  }
}
