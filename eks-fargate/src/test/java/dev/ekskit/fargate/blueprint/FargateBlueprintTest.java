package dev.ekskit.fargate.blueprint;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A simulated AWS and a kit on its virtual clock, and blueprints of cluster "orders" that make
 * their network (private subnets behind a NAT gateway) and cluster role, with Fargate profiles as
 * parts that name neither role nor subnets.
 */
abstract class FargateBlueprintTest {
  static final String CLUSTER = "orders";
  static final String POD_ROLE = "orders-fargate-pods";
  static final String KIND = "fargate profile";

  protected SimulatedAws aws;
  protected EksKit kit;
  protected final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    kit = newKit();
  }

  @AfterEach
  void stopSimulation() {
    kit.close();
    aws.close();
  }

  /** A kit on the simulation, as a restarted process would make one. */
  protected EksKit newKit() {
    return SimulatedKit.builder(aws).addListener(events::add).build();
  }

  static ClusterBlueprint blueprint(FargateProfileSpec... profiles) {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name(CLUSTER).kubernetesVersion("1.33").build())
        .network(NetworkSpec.builder().name(CLUSTER).build())
        .clusterRole(ClusterRoleSpec.builder().name("orders-cluster").build())
        .addParts(profiles)
        .build();
  }

  /** A profile taking the pods of {@code namespace}, with the blueprint's role and subnets. */
  static FargateProfileSpec profile(String name, String namespace) {
    return FargateProfileSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .addSelectors(FargateSelector.of(namespace))
        .build();
  }

  List<String> profileNames() {
    return aws.eks().listFargateProfiles(r -> r.clusterName(CLUSTER)).fargateProfileNames().stream()
        .sorted()
        .toList();
  }

  FargateProfile describe(String name) {
    return aws.eks()
        .describeFargateProfile(r -> r.clusterName(CLUSTER).fargateProfileName(name))
        .fargateProfile();
  }

  List<String> roleNames() {
    return aws.iam().listRoles().roles().stream().map(Role::roleName).sorted().toList();
  }

  Role podRole() {
    return aws.iam().getRole(r -> r.roleName(POD_ROLE)).role();
  }

  Map<String, String> podRoleTags() {
    return podRole().tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  List<String> podRolePolicies() {
    return aws.iam().listAttachedRolePolicies(r -> r.roleName(POD_ROLE)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn)
        .toList();
  }
}
