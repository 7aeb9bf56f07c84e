package dev.ekskit.core.spi;

import dev.ekskit.core.HealthIssue;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Maps the SDK's several issue types (cluster, node group, Fargate, add-on) to one. */
public final class HealthIssues {
  private HealthIssues() {}

  public static <I> List<HealthIssue> of(
      List<I> issues,
      Function<I, String> code,
      Function<I, String> message,
      Function<I, List<String>> resourceIds) {
    return issues.stream()
        .map(
            issue ->
                new HealthIssue(
                    code.apply(issue),
                    Optional.ofNullable(message.apply(issue)).orElse(""),
                    resourceIds.apply(issue)))
        .toList();
  }
}
