package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.AccessEntry;
import software.amazon.awssdk.services.eks.model.CreateAccessEntryRequest;
import software.amazon.awssdk.services.eks.model.UpdateAccessEntryRequest;

/**
 * EKS access entries: one per IAM principal and cluster, only when the cluster's authentication
 * mode allows them; node and Fargate types need a role of this account; STANDARD entries carry a
 * username (EKS derives one when none is given) and Kubernetes groups, both changeable, and the
 * access policies of {@link AccessPolicies}. A repeated create with the same token answers with the
 * entry it made. Its tags live in the {@link TagRegistry}, as every EKS resource's do.
 */
final class AccessEntryStore {
  private static final List<String> TYPES =
      List.of("STANDARD", "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX");
  private static final List<String> RESERVED_PREFIXES =
      List.of("system:", "eks:", "aws:", "amazon:", "iam:");

  /** One entry, its create token and its associated policies. */
  static final class Entry {
    AccessEntry entry;
    final String clientRequestToken;
    final AccessPolicies policies = new AccessPolicies();

    Entry(AccessEntry entry, String clientRequestToken) {
      this.entry = entry;
      this.clientRequestToken = clientRequestToken;
    }
  }

  private final EksContext context;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  AccessEntryStore(EksContext context) {
    this.context = context;
  }

  AccessEntry create(CreateAccessEntryRequest request, ClusterState cluster) {
    String key = key(request.clusterName(), request.principalArn());
    Entry existing = entries.get(key);
    if (existing != null) {
      if (Names.sameRequest(existing.clientRequestToken, request.clientRequestToken())) {
        return withTags(existing.entry);
      }
      throw Errors.inUse("The specified access entry resource is already in use on this cluster.");
    }
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
    if (!"STANDARD".equals(type)
        && (!request.kubernetesGroups().isEmpty() || request.username() != null)) {
      throw Errors.invalidParameter(
          "kubernetesGroups and username can only be set for STANDARD entries");
    }
    requireAllowedNames(request.username(), request.kubernetesGroups());
    AccessEntry entry =
        AccessEntry.builder()
            .clusterName(request.clusterName())
            .principalArn(principal)
            .type(type)
            .kubernetesGroups(request.kubernetesGroups())
            .username(request.username() != null ? request.username() : username(type, principal))
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
            .build();
    entries.put(key, new Entry(entry, request.clientRequestToken()));
    context.tags().register(entry.accessEntryArn(), request.tags());
    return withTags(entry);
  }

  AccessEntry update(UpdateAccessEntryRequest request) {
    Entry found = require(request.clusterName(), request.principalArn());
    boolean changesNames = request.username() != null || request.hasKubernetesGroups();
    if (changesNames && !"STANDARD".equals(found.entry.type())) {
      throw Errors.invalidParameter(
          "kubernetesGroups and username can only be set for STANDARD entries");
    }
    requireAllowedNames(request.username(), request.kubernetesGroups());
    AccessEntry.Builder changed = found.entry.toBuilder().modifiedAt(context.now());
    if (request.username() != null) {
      changed.username(request.username());
    }
    if (request.hasKubernetesGroups()) {
      changed.kubernetesGroups(request.kubernetesGroups());
    }
    found.entry = changed.build();
    return withTags(found.entry);
  }

  AccessEntry describe(String cluster, String principal) {
    return withTags(require(cluster, principal).entry);
  }

  /** The entry with its tags as they are now: TagResource and UntagResource change them. */
  private AccessEntry withTags(AccessEntry entry) {
    return entry.toBuilder().tags(context.tags().of(entry.accessEntryArn())).build();
  }

  Entry require(String cluster, String principal) {
    Entry entry = entries.get(key(cluster, principal));
    if (entry == null) {
      throw Errors.notFound("The specified access entry resource could not be found.");
    }
    return entry;
  }

  List<String> principals(String cluster) {
    List<String> found = new ArrayList<>();
    entries.values().stream()
        .filter(e -> e.entry.clusterName().equals(cluster))
        .forEach(e -> found.add(e.entry.principalArn()));
    return found;
  }

  void delete(String cluster, String principal) {
    Entry gone = require(cluster, principal);
    entries.remove(key(cluster, principal));
    context.tags().unregister(gone.entry.accessEntryArn());
  }

  /** A deleted cluster takes its entries, and their tags, with it. */
  void dropCluster(String cluster) {
    entries.values().stream()
        .filter(e -> e.entry.clusterName().equals(cluster))
        .forEach(e -> context.tags().unregister(e.entry.accessEntryArn()));
    entries.values().removeIf(e -> e.entry.clusterName().equals(cluster));
  }

  /** The username EKS derives: the role's assumed-role session, or the user itself. */
  private String username(String type, String principal) {
    if (!"STANDARD".equals(type)) {
      return type.equals("FARGATE_LINUX")
          ? "system:node:{{SessionName}}"
          : "system:node:{{EC2PrivateDNSName}}";
    }
    if (principal.contains(":role/")) {
      String role = principal.substring(principal.lastIndexOf('/') + 1);
      return "arn:aws:sts::" + context.accountId() + ":assumed-role/" + role + "/{{SessionName}}";
    }
    return principal;
  }

  private static void requireAllowedNames(String username, List<String> groups) {
    List<String> names = new ArrayList<>(groups);
    if (username != null) {
      names.add(username);
    }
    for (String name : names) {
      if (RESERVED_PREFIXES.stream().anyMatch(name::startsWith)) {
        throw Errors.invalidParameter(
            "The username and Kubernetes group names can't start with " + RESERVED_PREFIXES);
      }
    }
  }

  private static String key(String cluster, String principal) {
    return cluster + "|" + principal;
  }
}
