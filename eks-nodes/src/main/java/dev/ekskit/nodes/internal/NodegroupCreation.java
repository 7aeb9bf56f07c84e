package dev.ekskit.nodes.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import dev.ekskit.core.spi.SubnetCheck;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * Checks, then create-or-adopt, then wait for ACTIVE. The cluster's version decides the AMI guard
 * when the spec names none; instance types and subnets are checked before the create. One {@code
 * clientRequestToken} serves every attempt.
 */
public final class NodegroupCreation {
  private static final String SPEC = "NodegroupSpec";

  private NodegroupCreation() {}

  /**
   * @param scope a scope whose resource is the node group
   */
  public static CompletableFuture<NodegroupInfo> run(
      Scope scope, EksClient eks, Ec2Client ec2, NodegroupSpec spec, WaitKind createWait) {
    String token = UUID.randomUUID().toString();
    PollingPolicy fresh = scope.policy(createWait);
    return scope
        .call(Steps.check("cluster and network"), () -> check(eks, ec2, spec))
        .thenCompose(version -> createOrAdopt(scope, eks, spec, version, token).run(scope))
        .thenCompose(
            made ->
                NodegroupWaits.active(
                    scope,
                    eks,
                    spec.clusterName(),
                    spec.name(),
                    made.adopted() ? fresh.withFirstCheck(Duration.ZERO) : fresh))
        .thenApply(NodegroupMapping::info);
  }

  /** Everything checkable against the account; returns the Kubernetes version to use. */
  private static String check(EksClient eks, Ec2Client ec2, NodegroupSpec spec) {
    String version =
        spec.kubernetesVersion()
            .orElseGet(
                () -> eks.describeCluster(r -> r.name(spec.clusterName())).cluster().version());
    checkAccount(ec2, spec, version);
    return version;
  }

  /**
   * What the account must allow before anything changes: the AMI family at {@code version}, the
   * instance types, the subnets a spec names, and a custom AMI's image in its launch template.
   */
  static void checkAccount(Ec2Client ec2, NodegroupSpec spec, String version) {
    Violations v = new Violations(SPEC);
    NodegroupSpecRules.amiVersion(v, spec.ami(), Optional.of(version));
    v.throwIfAny();
    InstanceTypeCheck.check(ec2, spec.ami(), spec.effectiveInstanceTypes(), SPEC, "instanceTypes");
    if (!spec.subnetIds().isEmpty()) {
      SubnetCheck.requireUsable(ec2, SPEC, "subnetIds", spec.subnetIds(), 1);
    }
    spec.amiSource().pinnedImageId().ifPresent(imageId -> requireTemplateImage(ec2, spec, imageId));
  }

  /** A custom AMI pinned by id must be the one the launch template version names. */
  private static void requireTemplateImage(Ec2Client ec2, NodegroupSpec spec, String imageId) {
    String templateId = spec.launchTemplateId().orElseThrow();
    String version = spec.launchTemplateVersion().orElse("$Default");
    String held =
        ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions(version))
            .launchTemplateVersions()
            .get(0)
            .launchTemplateData()
            .imageId();
    if (!imageId.equals(held)) {
      new Violations(SPEC)
          .add(
              "amiSource.imageId",
              "launch-template-image",
              "is "
                  + imageId
                  + " but launch template "
                  + templateId
                  + " version "
                  + version
                  + " names "
                  + held
                  + "; pin the image the template holds, or give the template's version that"
                  + " holds it")
          .throwIfAny();
    }
  }

  private static CreateOrAdopt<Nodegroup> createOrAdopt(
      Scope scope, EksClient eks, NodegroupSpec spec, String version, String token) {
    return CreateOrAdopt.<Nodegroup>builder(scope.resource())
        .what("the node group")
        .cleanup(NodegroupWaits.deleteCall(spec.clusterName(), spec.name()))
        .create(
            () ->
                eks.createNodegroup(NodegroupMapping.createRequest(spec, version, token))
                    .nodegroup())
        .describe(
            () ->
                eks.describeNodegroup(
                        r -> r.clusterName(spec.clusterName()).nodegroupName(spec.name()))
                    .nodegroup())
        .differences(existing -> NodegroupReview.adoption(spec, version, existing))
        // A node role made moments ago is refused until IAM has shown it to EKS.
        .retries(StepRetries.roleNotYetUsable())
        .unusable(existing -> unusable(spec, existing))
        .status(Nodegroup::statusAsString)
        .build();
  }

  private static Optional<EksKitException> unusable(NodegroupSpec spec, Nodegroup existing) {
    String status = existing.statusAsString();
    if (!"CREATE_FAILED".equals(status) && !"DELETING".equals(status)) {
      return Optional.empty();
    }
    var issues = NodegroupMapping.healthIssues(existing);
    return Optional.of(
        new ResourceFailedException(
            ResourceRef.child("nodegroup", spec.clusterName(), spec.name()),
            status,
            issues,
            NodegroupHints.forIssues(issues),
            NodegroupWaits.deleteCall(spec.clusterName(), spec.name()) + ", then create again"));
  }
}
