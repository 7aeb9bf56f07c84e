package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Request;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * {@link ElasticLoadBalancingV2Client} over an {@link ElbWorld}: application and network load
 * balancers, target groups, listeners and their tags, each call through the {@link Gateway}.
 * Describes page with {@code PageSize} (1 to 400, default 400) and {@code Marker}. Operations it
 * does not simulate (targets, rules, attributes, ...) answer UnsupportedOperation (see Unmodelled).
 */
public final class SimulatedElbv2 implements ElasticLoadBalancingV2Client {
  private static final int MAX_PAGE_SIZE = 400;
  private static final int MAX_TAGGED_RESOURCES = 20;

  private final Gateway gateway;
  private final ElbWorld world;

  SimulatedElbv2(Gateway gateway, ElbWorld world) {
    this.gateway = gateway;
    this.world = world;
  }

  @Override
  public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest request) {
    return call(
        "CreateLoadBalancer",
        request,
        () ->
            CreateLoadBalancerResponse.builder()
                .loadBalancers(world.loadBalancers.create(request))
                .build());
  }

  @Override
  public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
    return call(
        "DescribeLoadBalancers",
        request,
        () -> {
          Page<LoadBalancer> page =
              page(
                  world.loadBalancers.describe(request.loadBalancerArns(), request.names()),
                  request.pageSize(),
                  request.marker());
          return DescribeLoadBalancersResponse.builder()
              .loadBalancers(page.items())
              .nextMarker(page.nextToken())
              .build();
        });
  }

  /** Deletes it with its listeners; one that is not there is no error, as in AWS. */
  @Override
  public DeleteLoadBalancerResponse deleteLoadBalancer(DeleteLoadBalancerRequest request) {
    return call(
        "DeleteLoadBalancer",
        request,
        () -> {
          world.deleteLoadBalancer(request.loadBalancerArn());
          return DeleteLoadBalancerResponse.builder().build();
        });
  }

  @Override
  public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest request) {
    return call(
        "CreateTargetGroup",
        request,
        () ->
            CreateTargetGroupResponse.builder()
                .targetGroups(world.withUsers(world.targetGroups.create(request)))
                .build());
  }

  @Override
  public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
    return call(
        "DescribeTargetGroups",
        request,
        () -> {
          Page<TargetGroup> page =
              page(
                  world.describeTargetGroups(
                      request.loadBalancerArn(), request.targetGroupArns(), request.names()),
                  request.pageSize(),
                  request.marker());
          return DescribeTargetGroupsResponse.builder()
              .targetGroups(page.items())
              .nextMarker(page.nextToken())
              .build();
        });
  }

  /** {@code ResourceInUse} while a listener forwards to it; see {@link TargetGroupStore#delete}. */
  @Override
  public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest request) {
    return call(
        "DeleteTargetGroup",
        request,
        () -> {
          world.deleteTargetGroup(request.targetGroupArn());
          return DeleteTargetGroupResponse.builder().build();
        });
  }

  @Override
  public CreateListenerResponse createListener(CreateListenerRequest request) {
    return call(
        "CreateListener",
        request,
        () -> CreateListenerResponse.builder().listeners(world.createListener(request)).build());
  }

  @Override
  public DescribeListenersResponse describeListeners(DescribeListenersRequest request) {
    return call(
        "DescribeListeners",
        request,
        () -> {
          Page<Listener> page =
              page(
                  world.describeListeners(request.loadBalancerArn(), request.listenerArns()),
                  request.pageSize(),
                  request.marker());
          return DescribeListenersResponse.builder()
              .listeners(page.items())
              .nextMarker(page.nextToken())
              .build();
        });
  }

  @Override
  public DeleteListenerResponse deleteListener(DeleteListenerRequest request) {
    return call(
        "DeleteListener",
        request,
        () -> {
          world.listeners.delete(request.listenerArn());
          return DeleteListenerResponse.builder().build();
        });
  }

  /** Tags load balancers, target groups and listeners: all of them, or none. */
  @Override
  public AddTagsResponse addTags(AddTagsRequest request) {
    return call(
        "AddTags",
        request,
        () -> {
          world.tags.add(request.resourceArns(), request.tags());
          return AddTagsResponse.builder().build();
        });
  }

  @Override
  public RemoveTagsResponse removeTags(RemoveTagsRequest request) {
    return call(
        "RemoveTags",
        request,
        () -> {
          world.tags.remove(request.resourceArns(), request.tagKeys());
          return RemoveTagsResponse.builder().build();
        });
  }

  /** The tags of 1 to 20 resources, each of which must exist. */
  @Override
  public DescribeTagsResponse describeTags(DescribeTagsRequest request) {
    return call(
        "DescribeTags",
        request,
        () -> {
          List<String> arns = request.resourceArns();
          if (arns.isEmpty() || arns.size() > MAX_TAGGED_RESOURCES) {
            throw ElbErrors.validation(
                "1 validation error detected: Value at 'resourceArns' failed to satisfy"
                    + " constraint: Member must have length between 1 and "
                    + MAX_TAGGED_RESOURCES);
          }
          List<TagDescription> found = new ArrayList<>();
          for (String arn : arns) {
            found.add(TagDescription.builder().resourceArn(arn).tags(world.tags.of(arn)).build());
          }
          return DescribeTagsResponse.builder().tagDescriptions(found).build();
        });
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  /**
   * The simulation owns no connection; {@link dev.ekskit.simulator.SimulatedAws#close()} ends it.
   */
  @Override
  public void close() {}

  private static <T> Page<T> page(List<T> all, Integer pageSize, String marker) {
    int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ElbErrors.validation("PageSize must be between 1 and " + MAX_PAGE_SIZE + ": " + size);
    }
    return Page.of(all, size, marker, () -> ElbErrors.validation("Invalid marker: " + marker));
  }

  private <T> T call(String operation, ElasticLoadBalancingV2Request request, Supplier<T> action) {
    return gateway.call(Service.ELBV2, operation, request, action);
  }
}
