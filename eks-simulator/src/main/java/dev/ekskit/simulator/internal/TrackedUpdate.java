package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateStatus;
import software.amazon.awssdk.services.eks.model.UpdateType;

/**
 * An update in progress until its drawn end; its change applies then, unless it was made to fail.
 */
final class TrackedUpdate {
  final String id;
  final String clientRequestToken;
  private final UpdateType type;
  private final List<UpdateParam> params;
  private final Instant createdAt;
  private final Instant completesAt;
  private final List<ErrorDetail> errors;
  private Runnable pendingChange;

  TrackedUpdate(
      String id,
      String clientRequestToken,
      UpdateType type,
      List<UpdateParam> params,
      Instant createdAt,
      Instant completesAt,
      List<ErrorDetail> errors,
      Runnable change) {
    this.id = id;
    this.clientRequestToken = clientRequestToken;
    this.type = type;
    this.params = List.copyOf(params);
    this.createdAt = createdAt;
    this.completesAt = completesAt;
    this.errors = List.copyOf(errors);
    this.pendingChange = change;
  }

  boolean inProgress(Instant now) {
    return now.isBefore(completesAt);
  }

  /** Applies the change once the update has ended successfully. */
  void settle(Instant now) {
    if (pendingChange != null && !inProgress(now)) {
      if (errors.isEmpty()) {
        pendingChange.run();
      }
      pendingChange = null;
    }
  }

  Update toUpdate(Instant now) {
    UpdateStatus status =
        inProgress(now)
            ? UpdateStatus.IN_PROGRESS
            : errors.isEmpty() ? UpdateStatus.SUCCESSFUL : UpdateStatus.FAILED;
    return Update.builder()
        .id(id)
        .type(type)
        .status(status)
        .params(params)
        .createdAt(createdAt)
        .errors(status == UpdateStatus.FAILED ? errors : List.of())
        .build();
  }
}
