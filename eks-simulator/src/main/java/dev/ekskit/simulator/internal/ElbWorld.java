package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * All Elastic Load Balancing (v2) state of one simulation, and the rules that span its kinds: a
 * listener's load balancer and target groups must exist, a target group used by a listener cannot
 * be deleted ({@code ResourceInUse}), a deleted load balancer takes its listeners along.
 */
final class ElbWorld {
  final ElbTags tags = new ElbTags();
  final LoadBalancerStore loadBalancers;
  final TargetGroupStore targetGroups;
  final ListenerStore listeners;

  ElbWorld(
      String region,
      String accountId,
      Ids ids,
      Supplier<Instant> clock,
      DurationSampler durations,
      Ec2Network network) {
    this.loadBalancers =
        new LoadBalancerStore(region, accountId, ids, clock, durations, network, tags);
    this.targetGroups = new TargetGroupStore(loadBalancers.arnPrefix(), ids, network, tags);
    this.listeners = new ListenerStore(ids, tags);
  }

  Listener createListener(CreateListenerRequest request) {
    return listeners.create(
        request, loadBalancers.require(request.loadBalancerArn()).view(), targetGroups);
  }

  /** The listeners of a load balancer, or those named; one of the two. */
  List<Listener> describeListeners(String loadBalancerArn, List<String> listenerArns) {
    if (loadBalancerArn != null && !listenerArns.isEmpty()) {
      throw ElbErrors.validation("Specify a load balancer ARN or listener ARNs, not both");
    }
    if (loadBalancerArn == null) {
      if (listenerArns.isEmpty()) {
        throw ElbErrors.validation("Specify a load balancer ARN or listener ARNs");
      }
      return listeners.describe(listenerArns);
    }
    loadBalancers.require(loadBalancerArn);
    return listeners.ofLoadBalancer(loadBalancerArn);
  }

  /** The groups asked for, or those a load balancer's listeners forward to, with their users. */
  List<TargetGroup> describeTargetGroups(
      String loadBalancerArn, List<String> targetGroupArns, List<String> names) {
    List<TargetGroup> found;
    if (loadBalancerArn != null) {
      loadBalancers.require(loadBalancerArn);
      found =
          targetGroups.describe(targetGroupArns, names).stream()
              .filter(
                  g -> listeners.loadBalancersUsing(g.targetGroupArn()).contains(loadBalancerArn))
              .toList();
    } else {
      found = targetGroups.describe(targetGroupArns, names);
    }
    return found.stream().map(this::withUsers).toList();
  }

  TargetGroup withUsers(TargetGroup group) {
    return group.toBuilder()
        .loadBalancerArns(listeners.loadBalancersUsing(group.targetGroupArn()))
        .build();
  }

  void deleteLoadBalancer(String arn) {
    if (loadBalancers.exists(arn)) {
      listeners.dropLoadBalancer(arn);
      loadBalancers.delete(arn);
    }
  }

  void deleteTargetGroup(String arn) {
    if (!listeners.loadBalancersUsing(arn).isEmpty()) {
      throw Errors.elbv2(
          ResourceInUseException.builder(),
          400,
          "ResourceInUse",
          "Target group '" + arn + "' is currently in use by a listener or a rule");
    }
    targetGroups.delete(arn);
  }
}
