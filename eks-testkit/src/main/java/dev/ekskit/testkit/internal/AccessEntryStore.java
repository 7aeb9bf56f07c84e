package dev.ekskit.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.AccessEntry;
import software.amazon.awssdk.services.eks.model.CreateAccessEntryRequest;

/**
 * EKS access entries: one per IAM principal and cluster, only when the cluster's authentication
 * mode allows them; node and Fargate types need a role of this account.
 */
final class AccessEntryStore {
  private static final List<String> TYPES =
      List.of("STANDARD", "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX");

  private final EksContext context;
  private final Map<String, AccessEntry> entries = new LinkedHashMap<>();

  AccessEntryStore(EksContext context) {
    this.context = context;
  }

  AccessEntry create(CreateAccessEntryRequest request, ClusterState cluster) {
    if (!cluster.allowsAccessEntries()) {
      throw Errors.invalidRequest(
          "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to"
              + " perform this operation.");
    }
    String type = request.type() == null ? "STANDARD" : request.type();
    if (!TYPES.contains(type)) {
      throw Errors.invalidParameter("Unknown access entry type " + type);
    }
    String principal = request.principalArn();
    if (principal == null
        || !principal.matches("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+")
        || !"STANDARD".equals(type)
            && !principal.matches("arn:aws[a-z-]*:iam::" + context.accountId() + ":role/.+")) {
      throw Errors.invalidParameter(
          "The principalArn " + principal + " is not valid for an access entry of type " + type);
    }
    if (!"STANDARD".equals(type) && !request.kubernetesGroups().isEmpty()) {
      throw Errors.invalidParameter("kubernetesGroups can only be set for STANDARD entries");
    }
    String key = key(request.clusterName(), principal);
    if (entries.containsKey(key)) {
      throw Errors.inUse("The specified access entry resource is already in use on this cluster.");
    }
    AccessEntry entry =
        AccessEntry.builder()
            .clusterName(request.clusterName())
            .principalArn(principal)
            .type(type)
            .kubernetesGroups(request.kubernetesGroups())
            .username(principal)
            .accessEntryArn(
                context.arn(
                    "access-entry/"
                        + request.clusterName()
                        + "/"
                        + principal.substring(principal.lastIndexOf(':') + 1)
                        + "/"
                        + context.ids().uuid()))
            .createdAt(context.now())
            .modifiedAt(context.now())
            .tags(request.tags())
            .build();
    entries.put(key, entry);
    return entry;
  }

  AccessEntry describe(String cluster, String principal) {
    AccessEntry entry = entries.get(key(cluster, principal));
    if (entry == null) {
      throw Errors.notFound("The specified access entry resource could not be found.");
    }
    return entry;
  }

  List<String> principals(String cluster) {
    return entries.values().stream()
        .filter(e -> e.clusterName().equals(cluster))
        .map(AccessEntry::principalArn)
        .toList();
  }

  void delete(String cluster, String principal) {
    describe(cluster, principal);
    entries.remove(key(cluster, principal));
  }

  /** A deleted cluster takes its entries with it. */
  void dropCluster(String cluster) {
    entries.values().removeIf(e -> e.clusterName().equals(cluster));
  }

  private static String key(String cluster, String principal) {
    return cluster + "|" + principal;
  }
}
