package dev.ekskit.simulator.internal;

import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.IamException;

/** IAM's List* rules: a path prefix, at most {@code MaxItems} (1 to 1000, default 100) a page. */
final class IamPaging {
  private static final int DEFAULT_MAX_ITEMS = 100;
  private static final int MAX_ITEMS = 1000;

  private IamPaging() {}

  /** A page from {@code marker} (null: the first), its Marker null on the last page. */
  static <T> Page<T> page(List<T> all, Integer maxItems, String marker) {
    int size = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    if (size < 1 || size > MAX_ITEMS) {
      throw validationError(
          "1 validation error detected: Value '"
              + size
              + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1"
              + " and "
              + MAX_ITEMS);
    }
    return Page.of(all, size, marker, () -> validationError("Invalid Marker: " + marker));
  }

  /** Which paths are under {@code pathPrefix}; a null prefix is IAM's default "/". */
  static Predicate<String> under(String pathPrefix) {
    String prefix = pathPrefix == null ? "/" : pathPrefix;
    if (!prefix.startsWith("/")) {
      throw validationError(
          "1 validation error detected: Value '"
              + prefix
              + "' at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: \\u002F[\\u0021-\\u007F]*");
    }
    return path -> path.startsWith(prefix);
  }

  private static AwsServiceException validationError(String message) {
    return Errors.iam(IamException.builder(), 400, "ValidationError", message);
  }
}
