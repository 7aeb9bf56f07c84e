package dev.ekskit.testkit.internal;

import dev.ekskit.testkit.internal.Lifecycle.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonHealth;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonIssueCode;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.CreateAddonRequest;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateAddonRequest;
import software.amazon.awssdk.services.eks.model.UpdateStatus;
import software.amazon.awssdk.services.eks.model.UpdateType;

/**
 * EKS add-ons: CREATING for about a minute or two, then ACTIVE (coredns DEGRADED while its pods
 * cannot be scheduled, see {@link CoreDnsPlacement}); dropped with their cluster.
 */
final class AddonStore extends ChildStore<AddonStore.State> {
  static final class State extends ChildResource {
    final CreateAddonRequest request;
    final String version;
    String configurationValues;
    Instant updatedAt;
    Instant updatingUntil;

    State(CreateAddonRequest request, String arn, Lifecycle lifecycle, String version) {
      super(
          request.clusterName(), request.addonName(), arn, request.clientRequestToken(), lifecycle);
      this.request = request;
      this.version = version;
      this.configurationValues = request.configurationValues();
      this.updatedAt = lifecycle.createdAt();
      this.updatingUntil = lifecycle.createdAt();
    }
  }

  private final CoreDnsPlacement coreDns;

  AddonStore(EksContext context, CoreDnsPlacement coreDns) {
    super(context, Transition.ADDON_DELETE);
    this.coreDns = coreDns;
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
                      request.addonVersion(), AddonCatalog.defaultVersion(request.addonName()));
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

  /** New configuration values: UPDATING for about a minute, then settled again. */
  Update update(UpdateAddonRequest request) {
    State state = require(request.clusterName(), request.addonName());
    Phase phase = state.lifecycle.phase(context.now());
    if (phase != Phase.ACTIVE || context.now().isBefore(state.updatingUntil)) {
      throw Errors.inUse("Addon " + state.name + " cannot be updated while it is not ACTIVE");
    }
    if (request.configurationValues() != null) {
      state.configurationValues = request.configurationValues();
    }
    state.updatedAt = context.now();
    state.updatingUntil = context.now().plus(context.draw(Transition.ADDON_CREATE));
    return Update.builder()
        .id(context.ids().uuid())
        .type(UpdateType.ADDON_UPDATE)
        .status(UpdateStatus.IN_PROGRESS)
        .createdAt(context.now())
        .build();
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

  private AddonStatus settled(State state) {
    if (context.now().isBefore(state.updatingUntil)) {
      return AddonStatus.UPDATING;
    }
    boolean unscheduled =
        state.name.equals("coredns")
            && !coreDns.schedulable(state.clusterName, state.configurationValues);
    return unscheduled ? AddonStatus.DEGRADED : AddonStatus.ACTIVE;
  }

  private static List<AddonIssue> issues(AddonStatus status) {
    return status != AddonStatus.DEGRADED
        ? List.of()
        : List.of(
            AddonIssue.builder()
                .code(AddonIssueCode.INSUFFICIENT_NUMBER_OF_REPLICAS)
                .message(
                    "The add-on is unhealthy because it doesn't have the desired number of"
                        + " replicas.")
                .build());
  }

  private Addon describe(State state) {
    AddonStatus status =
        switch (state.lifecycle.phase(context.now())) {
          case CREATING -> AddonStatus.CREATING;
          case ACTIVE -> settled(state);
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
        .modifiedAt(state.updatedAt)
        .serviceAccountRoleArn(state.request.serviceAccountRoleArn())
        .configurationValues(state.configurationValues)
        .health(AddonHealth.builder().issues(issues(status)).build())
        .tags(context.tags().of(state.arn))
        .build();
  }
}
