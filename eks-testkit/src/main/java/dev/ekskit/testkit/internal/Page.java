package dev.ekskit.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of a List* answer, with the opaque token EKS hands back for the next page. */
record Page<T>(List<T> items, String nextToken) {
  private static final int MAX_RESULTS = 100;

  static <T> Page<T> of(List<T> all, Integer maxResults, String nextToken) {
    int size = maxResults == null ? MAX_RESULTS : maxResults;
    if (size < 1 || size > MAX_RESULTS) {
      throw Errors.invalidParameter(
          "maxResults must be between 1 and " + MAX_RESULTS + ": " + size);
    }
    int from = nextToken == null ? 0 : decode(nextToken);
    if (from > all.size()) {
      throw Errors.invalidParameter("The nextToken is invalid");
    }
    int to = Math.min(all.size(), from + size);
    return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(to) : null);
  }

  private static String encode(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("offset:")) {
        throw new IllegalArgumentException(text);
      }
      return Integer.parseInt(text.substring("offset:".length()));
    } catch (IllegalArgumentException e) {
      throw Errors.invalidParameter("The nextToken is invalid");
    }
  }
}
