package dev.ekskit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A resource with the requested name already exists and does not match the spec, so ekskit refused
 * to adopt it. Nothing was changed; {@link #differences()} lists every field that differs.
 */
public class ConflictException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final List<FieldDifference> differences;

  public ConflictException(
      ResourceRef resource, List<FieldDifference> differences, Throwable cause) {
    super(
        differences.stream()
            .map(d -> "  - " + d)
            .collect(
                Collectors.joining(
                    "\n",
                    resource + " already exists and differs from the spec; not adopted:\n",
                    "")),
        cause);
    this.resource = resource;
    this.differences = List.copyOf(differences);
  }

  public ResourceRef resource() {
    return resource;
  }

  public List<FieldDifference> differences() {
    return differences;
  }
}
