package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.WorkloadRoleSpec;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The role each spec asks for: trust, managed policies, description and tags. */
final class RolePlans {
  /** The service account a workload role was made for, {@code namespace/name}. */
  /** How an IRSA role's description begins, before the service account's name. */
  static final String IRSA_PURPOSE = "IRSA role of ";

  static final String SERVICE_ACCOUNT_TAG = Tags.PREFIX + "service-account";

  static final List<String> CLUSTER_POLICIES =
      List.of("AmazonEKSClusterPolicy", "AmazonEKSVPCResourceController");

  /** What EKS Auto Mode's compute, block storage, load balancing and networking need besides. */
  static final List<String> AUTO_MODE_POLICIES =
      List.of(
          "AmazonEKSComputePolicy",
          "AmazonEKSBlockStoragePolicy",
          "AmazonEKSLoadBalancingPolicy",
          "AmazonEKSNetworkingPolicy");

  static final List<String> NODE_POLICIES =
      List.of("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly");
  static final String CNI_POLICY = "AmazonEKS_CNI_Policy";
  static final String SSM_POLICY = "AmazonSSMManagedInstanceCore";

  static final String EKS = "eks.amazonaws.com";
  static final String EC2 = "ec2.amazonaws.com";
  static final String PODS = "pods.eks.amazonaws.com";

  private RolePlans() {}

  static RolePlan cluster(ClusterRoleSpec spec) {
    List<String> policies = new ArrayList<>(CLUSTER_POLICIES);
    if (spec.autoMode()) {
      policies.addAll(AUTO_MODE_POLICIES);
    }
    return new RolePlan(
        spec.name(),
        spec.path(),
        spec.permissionsBoundaryArn(),
        Trust.service(EKS, true),
        List.of(Trust.serviceMarker(EKS)),
        RolePlan.description("EKS cluster role", spec.clusterName()),
        tags(spec.clusterName(), spec.tags()),
        policies,
        Optional.empty());
  }

  static RolePlan node(NodeRoleSpec spec) {
    List<String> policies = new ArrayList<>(NODE_POLICIES);
    if (!spec.cniHasOwnIdentity()) {
      policies.add(CNI_POLICY);
    }
    if (spec.ssmManagedInstanceCore()) {
      policies.add(SSM_POLICY);
    }
    return new RolePlan(
        spec.name(),
        spec.path(),
        spec.permissionsBoundaryArn(),
        Trust.service(EC2, false),
        List.of(Trust.serviceMarker(EC2)),
        RolePlan.description("EKS node role", spec.clusterName()),
        tags(spec.clusterName(), spec.tags()),
        policies,
        Optional.empty());
  }

  static RolePlan podIdentity(PodIdentityAssociationSpec spec, WorkloadRoleSpec role) {
    String account = spec.namespace() + "/" + spec.serviceAccount();
    return workload(
        role,
        Trust.service(PODS, true),
        List.of(Trust.serviceMarker(PODS)),
        podIdentityDescription(spec.clusterName(), account),
        workloadTags(spec.clusterName(), account, spec.tags()));
  }

  static RolePlan irsa(ServiceAccountRoleSpec spec, String providerArn, String issuerHost) {
    String subject = Trust.subject(spec.namespace(), spec.serviceAccount());
    String account = spec.namespace() + "/" + spec.serviceAccount();
    return workload(
        spec.role(),
        Trust.webIdentity(providerArn, issuerHost, subject),
        List.of(providerArn, "\"" + subject + "\""),
        RolePlan.description(IRSA_PURPOSE + account, Optional.of(spec.clusterName())),
        workloadTags(spec.clusterName(), account, spec.tags()));
  }

  /** The description of the role ekskit makes for a Pod Identity association. */
  static String podIdentityDescription(String cluster, String namespaceAndServiceAccount) {
    return RolePlan.description(
        "Pod Identity role of " + namespaceAndServiceAccount, Optional.of(cluster));
  }

  private static RolePlan workload(
      WorkloadRoleSpec role,
      String trust,
      List<String> markers,
      String description,
      Map<String, String> tags) {
    return new RolePlan(
        role.name(),
        role.path(),
        role.permissionsBoundaryArn(),
        trust,
        markers,
        description,
        tags,
        role.managedPolicyArns(),
        role.inlinePolicy());
  }

  private static Map<String, String> workloadTags(
      String cluster, String serviceAccount, Map<String, String> userTags) {
    Map<String, String> tags = new LinkedHashMap<>(Tags.forCluster(cluster, userTags));
    tags.put(SERVICE_ACCOUNT_TAG, serviceAccount);
    return tags;
  }

  private static Map<String, String> tags(Optional<String> cluster, Map<String, String> userTags) {
    return cluster
        .map(name -> Tags.forCluster(name, userTags))
        .orElseGet(() -> Tags.withOwnership(userTags));
  }
}
