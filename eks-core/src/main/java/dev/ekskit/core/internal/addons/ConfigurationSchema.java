package dev.ekskit.core.internal.addons;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.ekskit.core.Violation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks configuration values against the JSON schema {@code DescribeAddonConfiguration} gives for
 * one add-on version (EKS's schemas name draft-06 or draft-07), with no remote schema fetched. Each
 * violation names {@code configurationValues} and the JSON path (field {@code
 * configurationValues.autoScaling.enabled}, message {@code at $.autoScaling.enabled: ...}), and
 * says what the schema wants from the schema alone: the values themselves never reach a message.
 */
final class ConfigurationSchema {
  static final String FIELD = "configurationValues";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)));

  private ConfigurationSchema() {}

  /**
   * The violations of {@code values} (a JSON object) against {@code schema}; empty when it fits.
   */
  static List<Violation> violations(String schema, String values) {
    Schema compiled = REGISTRY.getSchema(Json.parse(schema));
    return compiled.validate(Json.parse(values)).stream()
        .map(ConfigurationSchema::violation)
        .toList();
  }

  private static Violation violation(Error error) {
    String nested = nested(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
    return new Violation(
        FIELD + nested, "schema-" + keyword, "at $" + nested + ": " + wants(keyword, error));
  }

  /** The location in the values, e.g. {@code .autoScaling.enabled} or {@code .tolerations[0]}. */
  private static String nested(NodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
    }
    return path.toString();
  }

  /** What the schema wants there, told from the schema's own words (never the instance's). */
  private static String wants(String keyword, Error error) {
    JsonNode rule = error.getSchemaNode();
    String property = error.getProperty();
    return switch (keyword) {
      case "type" -> "must be of type " + text(rule);
      case "enum" -> "must be one of " + text(rule);
      case "const" -> "must be " + text(rule);
      case "required" -> "misses the required property '" + property + "'";
      case "additionalProperties" ->
          "has property '" + property + "', which the schema does not allow";
      case "minimum", "exclusiveMinimum" -> "must be at least " + text(rule);
      case "maximum", "exclusiveMaximum" -> "must be at most " + text(rule);
      case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" ->
          "breaks the schema's " + keyword + " of " + text(rule);
      case "pattern" -> "must match the pattern " + text(rule);
      case "format" -> "must be in the format " + text(rule);
      default -> "breaks the schema's '" + keyword + "' rule";
    };
  }

  private static String text(JsonNode node) {
    return node == null ? "?" : node.toString();
  }
}
