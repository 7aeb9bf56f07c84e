package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateAddonRequest;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateType;

/**
 * Add-on updates: version (one that runs on the cluster's Kubernetes version), configuration
 * values, service-account role and Pod Identity associations; the add-on UPDATING for 15–90
 * seconds, one update at a time, followed through DescribeUpdate; a repeat with the same token
 * answers with the same update. {@code Faults.failUpdate(cluster)} also fails the next add-on
 * update of that cluster: nothing changes and the add-on shows UPDATE_FAILED.
 */
final class AddonUpdates {
  private final EksContext context;
  private final AddonStore addons;

  AddonUpdates(EksContext context, AddonStore addons) {
    this.context = context;
    this.addons = addons;
  }

  Update update(UpdateAddonRequest request) {
    AddonStore.State addon = addons.require(request.clusterName(), request.addonName());
    Optional<Update> repeat =
        addon.updates.stream()
            .filter(u -> Names.sameRequest(u.clientRequestToken, request.clientRequestToken()))
            .findFirst()
            .map(u -> u.toUpdate(context.now()));
    if (repeat.isPresent()) {
      return repeat.get();
    }
    if (!addons.idle(addon)) {
      throw Errors.inUse(
          "Addon "
              + addon.name
              + " cannot be updated as it is currently in "
              + addons.status(addon)
              + " state");
    }
    if (request.addonVersion() != null) {
      AddonCatalog.requireCompatible(
          addon.name, request.addonVersion(), addons.kubernetesVersion(addon.clusterName));
    }
    List<ErrorDetail> errors =
        context.faults().takeUpdateFailure(addon.clusterName).orElse(List.of());
    TrackedUpdate update =
        new TrackedUpdate(
            context.ids().uuid(),
            request.clientRequestToken(),
            UpdateType.ADDON_UPDATE,
            params(request),
            context.now(),
            context.now().plus(context.draw(Transition.ADDON_UPDATE)),
            errors,
            () -> apply(addon, request));
    addon.updates.add(update);
    addon.modifiedAt = context.now();
    return update.toUpdate(context.now());
  }

  Update describe(DescribeUpdateRequest request) {
    AddonStore.State addon = addons.require(request.name(), request.addonName());
    return addon.updates.stream()
        .filter(update -> update.id.equals(request.updateId()))
        .findFirst()
        .orElseThrow(() -> Errors.notFound("No update found for ID: " + request.updateId()))
        .toUpdate(context.now());
  }

  private void apply(AddonStore.State addon, UpdateAddonRequest request) {
    if (request.addonVersion() != null) {
      addon.version = request.addonVersion();
    }
    if (request.configurationValues() != null) {
      addon.configurationValues = request.configurationValues();
    }
    if (request.serviceAccountRoleArn() != null) {
      addon.serviceAccountRoleArn =
          request.serviceAccountRoleArn().isEmpty() ? null : request.serviceAccountRoleArn();
    }
    if (request.hasPodIdentityAssociations()) {
      addon.podIdentityAssociationArns =
          addons.associationArns(addon.clusterName, request.podIdentityAssociations());
    }
  }

  private static List<UpdateParam> params(UpdateAddonRequest request) {
    List<UpdateParam> params = new ArrayList<>();
    if (request.addonVersion() != null) {
      params.add(param(UpdateParamType.ADDON_VERSION, request.addonVersion()));
    }
    if (request.serviceAccountRoleArn() != null) {
      params.add(param(UpdateParamType.SERVICE_ACCOUNT_ROLE_ARN, request.serviceAccountRoleArn()));
    }
    if (request.resolveConflicts() != null) {
      params.add(param(UpdateParamType.RESOLVE_CONFLICTS, request.resolveConflictsAsString()));
    }
    if (request.configurationValues() != null) {
      params.add(param(UpdateParamType.CONFIGURATION_VALUES, request.configurationValues()));
    }
    return params;
  }

  private static UpdateParam param(UpdateParamType type, String value) {
    return UpdateParam.builder().type(type).value(value).build();
  }
}
