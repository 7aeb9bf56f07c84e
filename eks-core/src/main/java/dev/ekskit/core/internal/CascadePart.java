package dev.ekskit.core.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Something of a cluster that another ekskit module makes and that EKS does not delete with it,
 * such as self-managed node groups: the cascade delete removes it before the cluster.
 */
public interface CascadePart {
  /** The kind of the part that deletes self-managed node groups. */
  String SELF_MANAGED_NODEGROUPS = "self-managed node groups";

  /** What it deletes, in words, e.g. {@code self-managed node groups}. */
  String kind();

  /** Deletes every such part of {@code cluster}, waiting for each; completes with their names. */
  CompletableFuture<List<String>> deleteAll(OperationContext context, String cluster);
}
