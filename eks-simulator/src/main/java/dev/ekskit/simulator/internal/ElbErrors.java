package dev.ekskit.simulator.internal;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/** The errors Elastic Load Balancing (v2) answers most, with its error codes, all HTTP 400. */
final class ElbErrors {
  private ElbErrors() {}

  static AwsServiceException validation(String message) {
    return Errors.elbv2(ElasticLoadBalancingV2Exception.builder(), 400, "ValidationError", message);
  }

  static AwsServiceException invalidConfiguration(String message) {
    return Errors.elbv2(
        InvalidConfigurationRequestException.builder(),
        400,
        "InvalidConfigurationRequest",
        message);
  }

  static AwsServiceException loadBalancerNotFound() {
    return Errors.elbv2(
        LoadBalancerNotFoundException.builder(),
        400,
        "LoadBalancerNotFound",
        "One or more load balancers not found");
  }

  static AwsServiceException targetGroupNotFound(String nameOrArn) {
    return Errors.elbv2(
        TargetGroupNotFoundException.builder(),
        400,
        "TargetGroupNotFound",
        "Target groups '" + nameOrArn + "' not found");
  }

  static AwsServiceException listenerNotFound() {
    return Errors.elbv2(
        ListenerNotFoundException.builder(),
        400,
        "ListenerNotFound",
        "One or more listeners not found");
  }

  /** The not-found error of the kind of resource {@code arn} names. */
  static AwsServiceException notFound(String arn) {
    String resource = String.valueOf(arn);
    if (resource.contains(":targetgroup/")) {
      return targetGroupNotFound(resource);
    }
    return resource.contains(":listener/") ? listenerNotFound() : loadBalancerNotFound();
  }
}
