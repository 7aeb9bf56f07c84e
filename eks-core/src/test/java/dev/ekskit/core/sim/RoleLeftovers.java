package dev.ekskit.core.sim;

import dev.ekskit.simulator.SimulatedAws;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** What the simulated IAM and EKS hold of roles, providers and associations, read from outside. */
final class RoleLeftovers {
  private final SimulatedAws aws;

  RoleLeftovers(SimulatedAws aws) {
    this.aws = aws;
  }

  List<String> roleNames() {
    return aws.iam().listRoles().roles().stream().map(Role::roleName).sorted().toList();
  }

  Role role(String name) {
    return aws.iam().getRole(r -> r.roleName(name)).role();
  }

  String trust(String name) {
    return URLDecoder.decode(role(name).assumeRolePolicyDocument(), StandardCharsets.UTF_8);
  }

  Map<String, String> tags(String name) {
    return role(name).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  /** The names of the managed policies attached to the role, in the order attached. */
  List<String> policies(String name) {
    return aws.iam().listAttachedRolePolicies(r -> r.roleName(name)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn)
        .toList();
  }

  List<String> inlinePolicies(String name) {
    return aws.iam().listRolePolicies(r -> r.roleName(name)).policyNames();
  }

  List<String> providerArns() {
    return aws.iam().listOpenIDConnectProviders().openIDConnectProviderList().stream()
        .map(OpenIDConnectProviderListEntry::arn)
        .toList();
  }

  /** {@code namespace/serviceAccount -> roleArn} of every association of the cluster. */
  Map<String, String> associations(String cluster) {
    return aws
        .eks()
        .listPodIdentityAssociations(r -> r.clusterName(cluster))
        .associations()
        .stream()
        .map(
            s ->
                aws.eks()
                    .describePodIdentityAssociation(
                        r -> r.clusterName(cluster).associationId(s.associationId()))
                    .association())
        .collect(Collectors.toMap(a -> a.namespace() + "/" + a.serviceAccount(), a -> a.roleArn()));
  }

  List<String> addons(String cluster) {
    return aws.eks().listAddons(r -> r.clusterName(cluster)).addons();
  }

  static String awsPolicy(String name) {
    return "arn:aws:iam::aws:policy/" + name;
  }
}
