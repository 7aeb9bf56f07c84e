package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * Target groups. A create with a name already taken answers with that group when its settings are
 * the same, {@code DuplicateTargetGroupName} otherwise; instance and IP groups need a protocol, a
 * port and an existing VPC. Which load balancers use a group follows from their listeners.
 */
final class TargetGroupStore {
  private static final String NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?";

  private final String arnPrefix;
  private final Ids ids;
  private final Ec2Network network;
  private final ElbTags tags;
  private final Map<String, TargetGroup> byArn = new LinkedHashMap<>();

  TargetGroupStore(String arnPrefix, Ids ids, Ec2Network network, ElbTags tags) {
    this.arnPrefix = arnPrefix;
    this.ids = ids;
    this.network = network;
    this.tags = tags;
  }

  /** The group made, without the load balancers that use it. */
  TargetGroup create(CreateTargetGroupRequest request) {
    String name = request.name();
    if (name == null || !name.matches(NAME)) {
      throw ElbErrors.validation(
          "A target group name has 1 to 32 letters, digits and hyphens and neither starts nor"
              + " ends with a hyphen: "
              + name);
    }
    TargetTypeEnum type =
        request.targetType() == null ? TargetTypeEnum.INSTANCE : request.targetType();
    if (type != TargetTypeEnum.LAMBDA) {
      if (request.protocol() == null || request.port() == null || request.vpcId() == null) {
        throw ElbErrors.validation(
            "A target group of type " + type + " needs a protocol, a port and a VPC ID");
      }
      if (network.vpc(request.vpcId()).isEmpty()) {
        throw ElbErrors.validation("The VPC ID '" + request.vpcId() + "' is not found");
      }
    }
    TargetGroup wanted =
        TargetGroup.builder()
            .targetGroupName(name)
            .protocol(request.protocolAsString())
            .port(request.port())
            .vpcId(request.vpcId())
            .targetType(type)
            .healthCheckEnabled(Objects.requireNonNullElse(request.healthCheckEnabled(), true))
            .healthCheckProtocol(
                Objects.requireNonNullElse(
                    request.healthCheckProtocolAsString(), request.protocolAsString()))
            .healthCheckPort(Objects.requireNonNullElse(request.healthCheckPort(), "traffic-port"))
            .healthCheckPath(request.healthCheckPath())
            .build();
    Optional<TargetGroup> existing = byName(name);
    if (existing.isPresent()) {
      if (sameSettings(existing.get(), wanted)) {
        return existing.get();
      }
      throw Errors.elbv2(
          DuplicateTargetGroupNameException.builder(),
          400,
          "DuplicateTargetGroupName",
          "A target group with the same name '" + name + "' exists, but with different settings");
    }
    ElbTags.requireValid(request.tags());
    TargetGroup created =
        wanted.toBuilder()
            .targetGroupArn(arnPrefix + "targetgroup/" + name + "/" + ids.hex(16))
            .build();
    byArn.put(created.targetGroupArn(), created);
    tags.register(created.targetGroupArn(), request.tags());
    return created;
  }

  /** Every group, or those named by ARN or name (each must exist), oldest first. */
  List<TargetGroup> describe(List<String> arns, List<String> names) {
    List<TargetGroup> found = new ArrayList<>();
    arns.forEach(arn -> found.add(require(arn)));
    for (String name : names) {
      found.add(byName(name).orElseThrow(() -> ElbErrors.targetGroupNotFound(name)));
    }
    if (arns.isEmpty() && names.isEmpty()) {
      found.addAll(byArn.values());
    }
    return found;
  }

  TargetGroup require(String arn) {
    TargetGroup group = byArn.get(arn);
    if (group == null) {
      throw ElbErrors.targetGroupNotFound(arn);
    }
    return group;
  }

  /**
   * Forgets the group. One that is not there is {@code TargetGroupNotFound}, as moto answers: AWS
   * documents no such error for DeleteTargetGroup, so a caller must take either answer as done.
   */
  void delete(String arn) {
    require(arn);
    byArn.remove(arn);
    tags.unregister(arn);
  }

  private Optional<TargetGroup> byName(String name) {
    return byArn.values().stream().filter(g -> g.targetGroupName().equals(name)).findFirst();
  }

  private static boolean sameSettings(TargetGroup existing, TargetGroup wanted) {
    return Objects.equals(existing.protocolAsString(), wanted.protocolAsString())
        && Objects.equals(existing.port(), wanted.port())
        && Objects.equals(existing.vpcId(), wanted.vpcId())
        && existing.targetType() == wanted.targetType();
  }
}
