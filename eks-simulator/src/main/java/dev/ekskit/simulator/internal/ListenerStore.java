package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Listeners of load balancers, one a port, with default actions; a forward action ties a target
 * group to the load balancer (the group is then in use). A create repeating a port with the same
 * settings answers with that listener, {@code DuplicateListener} otherwise. Rules other than the
 * default actions are not modelled.
 */
final class ListenerStore {
  private final Ids ids;
  private final ElbTags tags;
  private final Map<String, Listener> byArn = new LinkedHashMap<>();

  ListenerStore(Ids ids, ElbTags tags) {
    this.ids = ids;
    this.tags = tags;
  }

  /** A listener of {@code balancer} forwarding to target groups from {@code targetGroups}. */
  Listener create(
      CreateListenerRequest request, LoadBalancer balancer, TargetGroupStore targetGroups) {
    if (request.port() == null || request.port() < 1 || request.port() > 65535) {
      throw ElbErrors.validation("A listener needs a port from 1 to 65535: " + request.port());
    }
    if (request.defaultActions().isEmpty()) {
      throw ElbErrors.validation("A listener needs at least one default action");
    }
    for (String arn : forwardedTo(request.defaultActions()).toList()) {
      TargetGroup group = targetGroups.require(arn);
      if (group.vpcId() != null && !group.vpcId().equals(balancer.vpcId())) {
        throw ElbErrors.invalidConfiguration(
            "The target group " + arn + " is not in the VPC of the load balancer");
      }
    }
    Listener wanted =
        Listener.builder()
            .loadBalancerArn(balancer.loadBalancerArn())
            .port(request.port())
            .protocol(request.protocolAsString())
            .defaultActions(request.defaultActions())
            .certificates(request.certificates())
            .sslPolicy(request.sslPolicy())
            .build();
    Optional<Listener> onPort =
        ofLoadBalancer(balancer.loadBalancerArn()).stream()
            .filter(l -> l.port().equals(request.port()))
            .findFirst();
    if (onPort.isPresent()) {
      Listener existing = onPort.get();
      if (Objects.equals(existing.protocolAsString(), wanted.protocolAsString())
          && existing.defaultActions().equals(wanted.defaultActions())) {
        return existing;
      }
      throw Errors.elbv2(
          DuplicateListenerException.builder(),
          400,
          "DuplicateListener",
          "A listener already exists on port " + request.port() + " of this load balancer");
    }
    ElbTags.requireValid(request.tags());
    String arn =
        balancer.loadBalancerArn().replace(":loadbalancer/", ":listener/") + "/" + ids.hex(16);
    Listener created = wanted.toBuilder().listenerArn(arn).build();
    byArn.put(arn, created);
    tags.register(arn, request.tags());
    return created;
  }

  List<Listener> ofLoadBalancer(String loadBalancerArn) {
    return byArn.values().stream()
        .filter(l -> l.loadBalancerArn().equals(loadBalancerArn))
        .toList();
  }

  List<Listener> describe(List<String> arns) {
    List<Listener> found = new ArrayList<>();
    for (String arn : arns) {
      Listener listener = byArn.get(arn);
      if (listener == null) {
        throw ElbErrors.listenerNotFound();
      }
      found.add(listener);
    }
    return found;
  }

  void delete(String arn) {
    if (byArn.remove(arn) == null) {
      throw ElbErrors.listenerNotFound();
    }
    tags.unregister(arn);
  }

  /** A deleted load balancer takes its listeners with it. */
  void dropLoadBalancer(String loadBalancerArn) {
    ofLoadBalancer(loadBalancerArn).forEach(l -> delete(l.listenerArn()));
  }

  /** The load balancers whose listeners forward to {@code targetGroupArn}. */
  List<String> loadBalancersUsing(String targetGroupArn) {
    return byArn.values().stream()
        .filter(l -> forwardedTo(l.defaultActions()).anyMatch(targetGroupArn::equals))
        .map(Listener::loadBalancerArn)
        .distinct()
        .toList();
  }

  /** The target groups {@code actions} forward to, plain or weighted. */
  private static Stream<String> forwardedTo(List<Action> actions) {
    return actions.stream()
        .flatMap(
            action ->
                Stream.concat(
                    Stream.ofNullable(action.targetGroupArn()),
                    action.forwardConfig() == null
                        ? Stream.empty()
                        : action.forwardConfig().targetGroups().stream()
                            .map(TargetGroupTuple::targetGroupArn)));
  }
}
