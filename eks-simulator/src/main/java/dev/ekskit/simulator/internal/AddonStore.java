package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.internal.Lifecycle.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonHealth;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonIssueCode;
import software.amazon.awssdk.services.eks.model.AddonPodIdentityAssociations;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.CreateAddonRequest;

/**
 * EKS add-ons: only those of {@link AddonCatalog}, in a version that runs on the cluster's
 * Kubernetes version (EKS's default when none is asked); CREATING for 15–90 seconds, then ACTIVE,
 * or DEGRADED while an add-on that needs capacity has none ({@link AddonCapacity}) and ACTIVE once
 * it has; updated through {@link AddonUpdates}; dropped with their cluster.
 */
final class AddonStore extends ChildStore<AddonStore.State> {
  static final class State extends ChildResource {
    final List<TrackedUpdate> updates = new ArrayList<>();
    final Optional<AddonFaults.Outcome> fault;
    String version;
    String configurationValues;
    String serviceAccountRoleArn;
    List<String> podIdentityAssociationArns;
    Instant modifiedAt;

    State(
        CreateAddonRequest request,
        String arn,
        Lifecycle lifecycle,
        Optional<AddonFaults.Outcome> fault) {
      super(
          request.clusterName(), request.addonName(), arn, request.clientRequestToken(), lifecycle);
      this.fault = fault;
      this.configurationValues = request.configurationValues();
      this.serviceAccountRoleArn = request.serviceAccountRoleArn();
      this.modifiedAt = lifecycle.createdAt();
    }

    boolean updating(Instant now) {
      return updates.stream().anyMatch(u -> u.inProgress(now));
    }

    boolean lastUpdateFailed(Instant now) {
      return !updates.isEmpty()
          && updates.get(updates.size() - 1).toUpdate(now).statusAsString().equals("Failed");
    }
  }

  private final AddonCapacity capacity;
  private final ClusterStore clusters;

  AddonStore(EksContext context, AddonCapacity capacity, ClusterStore clusters) {
    super(context, Transition.ADDON_DELETE);
    this.capacity = capacity;
    this.clusters = clusters;
  }

  Addon create(CreateAddonRequest request) {
    Names.requirePresent("addonName", request.addonName());
    String clusterName = request.clusterName();
    State state =
        createOrRepeat(
            clusterName,
            request.addonName(),
            request.clientRequestToken(),
            () -> {
              String kubernetes = clusters.requireActive(clusterName).version;
              String version =
                  Objects.requireNonNullElseGet(
                      request.addonVersion(),
                      () -> AddonCatalog.defaultVersion(request.addonName(), kubernetes));
              AddonCatalog.requireCompatible(request.addonName(), version, kubernetes);
              Optional<AddonFaults.Outcome> fault =
                  context.faults().addons().take(clusterName, request.addonName());
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
                      new Lifecycle(
                          context.now(),
                          context.draw(Transition.ADDON_CREATE),
                          fault.filter(f -> !f.degraded()).isPresent()),
                      fault);
              created.version = version;
              created.podIdentityAssociationArns =
                  associationArns(clusterName, request.podIdentityAssociations());
              context.tags().register(created.arn, request.tags());
              return created;
            });
    return describe(state);
  }

  Addon describe(String clusterName, String name) {
    return describe(require(clusterName, name));
  }

  /** A delete with {@code preserve} keeps the add-on's Kubernetes objects; EKS forgets it alike. */
  Addon delete(String clusterName, String name) {
    return describe(startDelete(clusterName, name));
  }

  /** Fake ARNs of the Pod Identity associations EKS makes for an add-on. */
  List<String> associationArns(String clusterName, List<AddonPodIdentityAssociations> wanted) {
    return wanted.stream()
        .map(
            a ->
                context.arn(
                    "podidentityassociation/" + clusterName + "/a-" + context.ids().hex(17)))
        .toList();
  }

  String kubernetesVersion(String clusterName) {
    return clusters.require(clusterName).version;
  }

  @Override
  AwsServiceException notFound(String clusterName, String name) {
    return Errors.notFound("No addon: " + name + " found in cluster: " + clusterName);
  }

  @Override
  AwsServiceException alreadyExists(State existing) {
    return Errors.inUse("Addon already exists.");
  }

  AddonStatus status(State state) {
    Instant now = context.now();
    // An update's change applies when it ends: whenever the add-on is looked at after that.
    state.updates.forEach(update -> update.settle(now));
    return switch (state.lifecycle.phase(now)) {
      case CREATING -> AddonStatus.CREATING;
      case FAILED -> AddonStatus.CREATE_FAILED;
      case DELETING, GONE -> AddonStatus.DELETING;
      case ACTIVE -> settled(state, now);
    };
  }

  private AddonStatus settled(State state, Instant now) {
    if (state.updating(now)) {
      return AddonStatus.UPDATING;
    }
    if (state.lastUpdateFailed(now)) {
      return AddonStatus.UPDATE_FAILED;
    }
    if (state.fault.isPresent()) {
      return AddonStatus.DEGRADED;
    }
    return capacity.schedulable(state.clusterName, state.name, state.configurationValues)
        ? AddonStatus.ACTIVE
        : AddonStatus.DEGRADED;
  }

  private static List<AddonIssue> issues(State state, AddonStatus status) {
    if (status != AddonStatus.DEGRADED && status != AddonStatus.CREATE_FAILED) {
      return List.of();
    }
    if (state.fault.isPresent()) {
      return state.fault.get().issues();
    }
    return List.of(
        AddonIssue.builder()
            .code(AddonIssueCode.INSUFFICIENT_NUMBER_OF_REPLICAS)
            .message(
                "The add-on is unhealthy because it doesn't have the desired number of replicas.")
            .build());
  }

  private Addon describe(State state) {
    AddonStatus status = status(state);
    return Addon.builder()
        .addonName(state.name)
        .clusterName(state.clusterName)
        .addonArn(state.arn)
        .status(status)
        .addonVersion(state.version)
        .createdAt(state.lifecycle.createdAt())
        .modifiedAt(state.modifiedAt)
        .serviceAccountRoleArn(state.serviceAccountRoleArn)
        .podIdentityAssociations(state.podIdentityAssociationArns)
        .configurationValues(state.configurationValues)
        .health(AddonHealth.builder().issues(issues(state, status)).build())
        .owner("aws")
        .publisher("eks")
        .tags(context.tags().of(state.arn))
        .build();
  }

  /** Whether the add-on has finished its create and is not busy: it may be updated. */
  boolean idle(State state) {
    return state.lifecycle.phase(context.now()) == Phase.ACTIVE && !state.updating(context.now());
  }
}
