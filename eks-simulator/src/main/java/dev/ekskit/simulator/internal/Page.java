package dev.ekskit.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One page of a List* or Describe* answer, with the opaque token (EKS's nextToken, IAM's Marker)
 * the service hands back for the next page.
 */
record Page<T>(List<T> items, String nextToken) {
  private static final int EKS_MAX_RESULTS = 100;

  /** An EKS page: {@code maxResults} 1 to 100, default 100. */
  static <T> Page<T> of(List<T> all, Integer maxResults, String nextToken) {
    int size = maxResults == null ? EKS_MAX_RESULTS : maxResults;
    if (size < 1 || size > EKS_MAX_RESULTS) {
      throw Errors.invalidParameter(
          "maxResults must be between 1 and " + EKS_MAX_RESULTS + ": " + size);
    }
    return of(all, size, nextToken, () -> Errors.invalidParameter("The nextToken is invalid"));
  }

  /**
   * At most {@code size} items from where {@code token} points; {@code invalidToken} is the
   * service's answer to a token it did not hand out.
   */
  static <T> Page<T> of(
      List<T> all, int size, String token, Supplier<AwsServiceException> invalidToken) {
    int from = token == null ? 0 : decode(token, invalidToken);
    if (from < 0 || from > all.size()) {
      throw invalidToken.get();
    }
    int to = Math.min(all.size(), from + size);
    return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(to) : null);
  }

  private static String encode(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, Supplier<AwsServiceException> invalidToken) {
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("offset:")) {
        throw new IllegalArgumentException(text);
      }
      return Integer.parseInt(text.substring("offset:".length()));
    } catch (IllegalArgumentException e) {
      throw invalidToken.get();
    }
  }
}
