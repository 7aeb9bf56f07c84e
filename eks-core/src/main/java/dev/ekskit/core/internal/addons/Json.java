package dev.ekskit.core.internal.addons;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Configuration values as JSON. Problems are told by position only: the text may hold secrets, and
 * Jackson's own messages quote the offending token.
 */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** The parsed text; callers check {@link #objectProblem} first. */
  static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  /** Why {@code text} is not one JSON object, without quoting it; empty when it is one. */
  static Optional<String> objectProblem(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node != null && node.isObject()
          ? Optional.empty()
          : Optional.of("must be a JSON object, such as {\"replicaCount\": 2}");
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      return Optional.of(
          "is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + "; the values are not shown, they may hold secrets");
    }
  }

  /** Whether two JSON texts hold the same value, whatever their spacing and key order. */
  static boolean sameValue(String one, String other) {
    if (one == null || other == null) {
      return blank(one) && blank(other);
    }
    if (objectProblem(one).isPresent() || objectProblem(other).isPresent()) {
      return one.equals(other);
    }
    return parse(one).equals(parse(other));
  }

  /** No configuration: absent, empty, or an empty object. */
  static boolean blank(String text) {
    return text == null || text.isBlank() || objectProblem(text).isEmpty() && parse(text).isEmpty();
  }
}
