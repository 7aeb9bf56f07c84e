package dev.ekskit.testkit.internal;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonHealth;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.CreateAddonRequest;

/** EKS add-ons: CREATING for about a minute or two, then ACTIVE; dropped with their cluster. */
final class AddonStore extends ChildStore<AddonStore.State> {
  private static final Map<String, String> DEFAULT_VERSIONS =
      Map.of(
          "vpc-cni", "v1.19.2-eksbuild.1",
          "coredns", "v1.11.4-eksbuild.2",
          "kube-proxy", "v1.33.0-eksbuild.2",
          "eks-pod-identity-agent", "v1.3.4-eksbuild.1",
          "aws-ebs-csi-driver", "v1.38.1-eksbuild.1");

  static final class State extends ChildResource {
    final CreateAddonRequest request;
    final String version;

    State(CreateAddonRequest request, String arn, Lifecycle lifecycle, String version) {
      super(
          request.clusterName(), request.addonName(), arn, request.clientRequestToken(), lifecycle);
      this.request = request;
      this.version = version;
    }
  }

  AddonStore(EksContext context) {
    super(context, Transition.ADDON_DELETE);
  }

  Addon create(CreateAddonRequest request, ClusterStore clusters) {
    Names.requirePresent("addonName", request.addonName());
    String clusterName = request.clusterName();
    State state =
        createOrRepeat(
            clusterName,
            request.addonName(),
            request.clientRequestToken(),
            () -> {
              clusters.requireActive(clusterName);
              String version =
                  Objects.requireNonNullElse(
                      request.addonVersion(),
                      DEFAULT_VERSIONS.getOrDefault(request.addonName(), "v1.0.0-eksbuild.1"));
              State created =
                  new State(
                      request,
                      context.arn(
                          "addon/"
                              + clusterName
                              + "/"
                              + request.addonName()
                              + "/"
                              + context.ids().uuid()),
                      new Lifecycle(context.now(), context.draw(Transition.ADDON_CREATE), false),
                      version);
              context.tags().register(created.arn, request.tags());
              return created;
            });
    return describe(state);
  }

  Addon describe(String clusterName, String name) {
    return describe(require(clusterName, name));
  }

  Addon delete(String clusterName, String name) {
    return describe(startDelete(clusterName, name));
  }

  @Override
  AwsServiceException notFound(String clusterName, String name) {
    return Errors.notFound("No addon: " + name + " found in cluster: " + clusterName);
  }

  @Override
  AwsServiceException alreadyExists(State existing) {
    return Errors.inUse("Addon already exists.");
  }

  private Addon describe(State state) {
    AddonStatus status =
        switch (state.lifecycle.phase(context.now())) {
          case CREATING -> AddonStatus.CREATING;
          case ACTIVE -> AddonStatus.ACTIVE;
          case FAILED -> AddonStatus.CREATE_FAILED;
          case DELETING, GONE -> AddonStatus.DELETING;
        };
    return Addon.builder()
        .addonName(state.name)
        .clusterName(state.clusterName)
        .addonArn(state.arn)
        .status(status)
        .addonVersion(state.version)
        .createdAt(state.lifecycle.createdAt())
        .modifiedAt(state.lifecycle.createdAt())
        .serviceAccountRoleArn(state.request.serviceAccountRoleArn())
        .configurationValues(state.request.configurationValues())
        .health(AddonHealth.builder().build())
        .tags(context.tags().of(state.arn))
        .build();
  }
}
