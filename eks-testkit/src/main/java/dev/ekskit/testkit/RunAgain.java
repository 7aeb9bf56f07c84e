package dev.ekskit.testkit;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.spi.AwsErrors;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs a call again after it gave up on faults that do not last, as its exception advises ("run the
 * create again to finish"), the way your service would. Under random faults (say 10 % of calls
 * answering 500 and 10 % of changes losing their answer) a step now and then meets more faults in a
 * row than its budget, so whether one run finishes is luck; that running it again finishes, with
 * nothing duplicated, is the promise worth testing.
 *
 * <pre>{@code
 * aws.faults().throttle(0.3).serverErrors(0.1, 0.1);
 * RunAgain.untilDone(3, () -> kit.blueprints().apply(blueprint).join());
 * assertThat(aws.ec2().describeVpcs().vpcs()).hasSize(1);   // nothing duplicated
 * }</pre>
 *
 * <p>Only a give-up whose cause is a 5xx or a network fault runs again; any other failure, or a
 * give-up on the last allowed run, fails the test.
 */
public final class RunAgain {
  private RunAgain() {}

  /** Runs {@code call} up to {@code runs} times, until it returns. */
  public static <T> T untilDone(int runs, Supplier<T> call) {
    Objects.requireNonNull(call, "call");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    for (int run = 1; ; run++) {
      try {
        return call.get();
      } catch (RuntimeException failure) {
        if (run == runs || !gaveUpOnPassingFaults(failure)) {
          throw failure;
        }
      }
    }
  }

  private static boolean gaveUpOnPassingFaults(RuntimeException failure) {
    Throwable error =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (!(error instanceof PartialCreationException || error instanceof AwsCallException)) {
      return false;
    }
    // A blueprint's give-up wraps its part's, which wraps the call's: the AWS error is innermost.
    Throwable innermost = error;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    return AwsErrors.is(innermost, AwsErrors.Kind.TRANSIENT);
  }
}
