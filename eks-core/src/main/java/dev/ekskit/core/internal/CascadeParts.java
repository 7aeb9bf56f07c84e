package dev.ekskit.core.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link CascadePart}s modules registered with a kit, one per kind. */
public final class CascadeParts {
  private final Map<String, CascadePart> byKind = new ConcurrentHashMap<>();

  /** Registers {@code part}, replacing an earlier one of the same kind. */
  public void register(CascadePart part) {
    byKind.put(part.kind(), part);
  }

  /** Removes {@code part} if it is still the one registered for its kind. */
  public void unregister(CascadePart part) {
    byKind.remove(part.kind(), part);
  }

  public List<CascadePart> all() {
    return List.copyOf(byKind.values());
  }
}
