package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.internal.Lifecycle.Phase;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileHealth;
import software.amazon.awssdk.services.eks.model.FargateProfileIssue;
import software.amazon.awssdk.services.eks.model.FargateProfileIssueCode;
import software.amazon.awssdk.services.eks.model.FargateProfileStatus;

/**
 * Fargate profiles, with EKS's rule that only one profile of a cluster may be CREATING or DELETING
 * at a time: a second create or delete meanwhile gets ResourceInUseException.
 */
final class FargateStore extends ChildStore<FargateStore.State> {
  private static final int MAX_NAME_LENGTH = 100;
  private static final int MAX_SELECTORS = 5;

  static final class State extends ChildResource {
    final CreateFargateProfileRequest request;
    final List<String> subnets;
    Instant deleteFailsAt;

    State(
        CreateFargateProfileRequest request,
        String arn,
        Lifecycle lifecycle,
        List<String> subnets) {
      super(
          request.clusterName(),
          request.fargateProfileName(),
          arn,
          request.clientRequestToken(),
          lifecycle);
      this.request = request;
      this.subnets = subnets;
    }
  }

  FargateStore(EksContext context) {
    super(context, Transition.FARGATE_PROFILE_DELETE);
  }

  FargateProfile create(CreateFargateProfileRequest request, ClusterStore clusters) {
    Names.requireValid("Fargate profile", request.fargateProfileName(), MAX_NAME_LENGTH);
    String clusterName = request.clusterName();
    State state =
        createOrRepeat(
            clusterName,
            request.fargateProfileName(),
            request.clientRequestToken(),
            () -> {
              ClusterState cluster = clusters.requireActive(clusterName);
              Names.requirePresent("podExecutionRoleArn", request.podExecutionRoleArn());
              if (request.selectors().isEmpty() || request.selectors().size() > MAX_SELECTORS) {
                throw Errors.invalidParameter(
                    "A Fargate profile needs 1 to " + MAX_SELECTORS + " selectors");
              }
              request
                  .selectors()
                  .forEach(
                      selector ->
                          Names.requirePresent("selectors.namespace", selector.namespace()));
              requireNoneInTransition("create", request.fargateProfileName(), clusterName);
              List<String> subnets =
                  request.subnets().isEmpty() ? cluster.vpcConfig.subnetIds() : request.subnets();
              ClusterVpc.subnets(subnets, context.network());
              State created =
                  new State(
                      request,
                      context.arn(
                          "fargateprofile/"
                              + clusterName
                              + "/"
                              + request.fargateProfileName()
                              + "/"
                              + context.ids().uuid()),
                      new Lifecycle(
                          context.now(),
                          context.draw(Transition.FARGATE_PROFILE_CREATE),
                          context
                              .faults()
                              .takeFargateProfileCreateFailure(
                                  clusterName, request.fargateProfileName())),
                      subnets);
              context.tags().register(created.arn, request.tags());
              return created;
            });
    return describe(state);
  }

  FargateProfile describe(String clusterName, String name) {
    return describe(require(clusterName, name));
  }

  FargateProfile delete(String clusterName, String name) {
    State state = require(clusterName, name);
    if (state.lifecycle.phase(context.now()) != Phase.DELETING) {
      requireNoneInTransition("delete", name, clusterName);
    }
    if (context.faults().takeFargateProfileDeleteFailure(clusterName, name)) {
      state.deleteFailsAt = context.now().plus(context.draw(Transition.FARGATE_PROFILE_DELETE));
      return describe(state);
    }
    state.deleteFailsAt = null;
    return describe(startDelete(clusterName, name));
  }

  @Override
  AwsServiceException notFound(String clusterName, String name) {
    return Errors.notFound("No Fargate Profile found with name: " + name + ".");
  }

  @Override
  AwsServiceException alreadyExists(State existing) {
    return Errors.inUse("A Fargate Profile already exists with this name in this cluster.");
  }

  private void requireNoneInTransition(String action, String profileName, String clusterName) {
    for (State other : inCluster(clusterName)) {
      Phase phase = other.lifecycle.phase(context.now());
      if (phase == Phase.CREATING || phase == Phase.DELETING) {
        throw Errors.inUse(
            "Cannot "
                + action
                + " Fargate Profile "
                + profileName
                + " because cluster "
                + clusterName
                + " currently has Fargate profile "
                + other.name
                + " in status "
                + phase);
      }
    }
  }

  private static List<FargateProfileIssue> issues(FargateProfileStatus status) {
    return status != FargateProfileStatus.CREATE_FAILED
            && status != FargateProfileStatus.DELETE_FAILED
        ? List.of()
        : List.of(
            FargateProfileIssue.builder()
                .code(FargateProfileIssueCode.INTERNAL_FAILURE)
                .message("An internal failure occurred in the Fargate profile's last change")
                .build());
  }

  private FargateProfileStatus status(State state) {
    if (state.deleteFailsAt != null) {
      return context.now().isBefore(state.deleteFailsAt)
          ? FargateProfileStatus.DELETING
          : FargateProfileStatus.DELETE_FAILED;
    }
    return switch (state.lifecycle.phase(context.now())) {
      case CREATING -> FargateProfileStatus.CREATING;
      case ACTIVE -> FargateProfileStatus.ACTIVE;
      case FAILED -> FargateProfileStatus.CREATE_FAILED;
      case DELETING, GONE -> FargateProfileStatus.DELETING;
    };
  }

  private FargateProfile describe(State state) {
    FargateProfileStatus status = status(state);
    return FargateProfile.builder()
        .fargateProfileName(state.name)
        .fargateProfileArn(state.arn)
        .clusterName(state.clusterName)
        .createdAt(state.lifecycle.createdAt())
        .podExecutionRoleArn(state.request.podExecutionRoleArn())
        .subnets(state.subnets)
        .selectors(state.request.selectors())
        .status(status)
        .tags(context.tags().of(state.arn))
        .health(FargateProfileHealth.builder().issues(issues(status)).build())
        .build();
  }
}
