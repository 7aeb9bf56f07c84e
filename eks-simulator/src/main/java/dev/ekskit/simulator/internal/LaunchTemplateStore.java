package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponseErrorItem;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponseSuccessItem;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateErrorCode;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * EC2 launch templates and their numbered versions. A create or a new version carries a client
 * token: the same token with the same request answers with what it made, with another request
 * {@code IdempotentParameterMismatch}. {@code $Latest} and {@code $Default} resolve to numbers; the
 * default version can be moved but not deleted.
 */
final class LaunchTemplateStore {
  static final String LATEST = "$Latest";
  static final String DEFAULT = "$Default";
  private static final int MAX_VERSIONS_PER_CALL = 200;

  /** A version as launches use it: the template, the number {@code $Latest} resolved to, data. */
  record Resolved(
      String templateId, String templateName, long version, ResponseLaunchTemplateData data) {}

  private static final class Template {
    final String id;
    final String name;
    final Instant createdAt;
    final String token;
    final List<Tag> tags;
    final TreeMap<Long, LaunchTemplateVersion> versions = new TreeMap<>();
    long latest;
    long defaultVersion = 1;

    Template(String id, String name, Instant createdAt, String token, List<Tag> tags) {
      this.id = id;
      this.name = name;
      this.createdAt = createdAt;
      this.token = token;
      this.tags = tags;
    }
  }

  /** A CreateLaunchTemplateVersion's token: what it asked and which version it made. */
  private record VersionToken(
      CreateLaunchTemplateVersionRequest request, String templateId, long version) {}

  private final Ids ids;
  private final Supplier<Instant> clock;
  private final Map<String, Template> byName = new LinkedHashMap<>();
  private final Map<String, VersionToken> versionTokens = new HashMap<>();

  LaunchTemplateStore(Ids ids, Supplier<Instant> clock) {
    this.ids = ids;
    this.clock = clock;
  }

  LaunchTemplate create(CreateLaunchTemplateRequest request) {
    String name = request.launchTemplateName();
    if (name == null || !name.matches("[a-zA-Z0-9().\\-/_]{3,128}")) {
      throw Errors.ec2(
          400, "InvalidLaunchTemplateName.MalformedException", "Invalid name: " + name);
    }
    Template existing = byName.get(name);
    if (existing != null) {
      if (request.clientToken() != null && request.clientToken().equals(existing.token)) {
        return view(existing);
      }
      throw Errors.ec2(
          400,
          "InvalidLaunchTemplateName.AlreadyExistsException",
          "Launch template name already in use.");
    }
    requireData(request.launchTemplateData());
    List<Tag> tags =
        request.tagSpecifications().stream()
            .filter(spec -> "launch-template".equals(spec.resourceTypeAsString()))
            .flatMap(spec -> spec.tags().stream())
            .toList();
    Template template =
        new Template("lt-" + ids.hex(17), name, clock.get(), request.clientToken(), tags);
    addVersion(
        template,
        LaunchTemplateData.of(request.launchTemplateData()),
        request.versionDescription());
    byName.put(name, template);
    return view(template);
  }

  /**
   * A new version, numbered after the latest, from {@code SourceVersion}'s data with the request's
   * on top (or from the request's alone); the default stays where it was.
   */
  LaunchTemplateVersion createVersion(CreateLaunchTemplateVersionRequest request) {
    String token = request.clientToken();
    if (token != null && versionTokens.containsKey(token)) {
      VersionToken earlier = versionTokens.get(token);
      if (!earlier.request().equalsBySdkFields(request)) {
        throw Errors.ec2(
            400,
            "IdempotentParameterMismatch",
            "The client token " + token + " was used with other parameters");
      }
      Template template = byId(earlier.templateId());
      return versionView(template, template.versions.get(earlier.version()));
    }
    Template template = require(request.launchTemplateId(), request.launchTemplateName());
    requireData(request.launchTemplateData());
    ResponseLaunchTemplateData data = LaunchTemplateData.of(request.launchTemplateData());
    if (request.sourceVersion() != null) {
      long source = number(template, request.sourceVersion());
      data = LaunchTemplateData.inherit(template.versions.get(source).launchTemplateData(), data);
    }
    LaunchTemplateVersion created = addVersion(template, data, request.versionDescription());
    if (token != null) {
      versionTokens.put(token, new VersionToken(request, template.id, created.versionNumber()));
    }
    return versionView(template, created);
  }

  /** Moves the default version to an existing number. */
  LaunchTemplate modify(ModifyLaunchTemplateRequest request) {
    Template template = require(request.launchTemplateId(), request.launchTemplateName());
    if (request.defaultVersion() != null) {
      template.defaultVersion = number(template, request.defaultVersion());
    }
    return view(template);
  }

  /** By ids or names (each must exist), or every one; then those matching every filter. */
  List<LaunchTemplate> describe(List<String> ids, List<String> names, List<Filter> filters) {
    List<Template> candidates =
        !ids.isEmpty()
            ? ids.stream().map(this::byId).toList()
            : !names.isEmpty()
                ? names.stream().map(this::byName).toList()
                : List.copyOf(byName.values());
    return candidates.stream()
        .filter(t -> filters.stream().allMatch(f -> matches(t, f)))
        .map(this::view)
        .toList();
  }

  /**
   * The versions asked for ({@code $Latest}, {@code $Default}, numbers), or those between {@code
   * min} and {@code max}; without a template, the {@code $Latest} or {@code $Default} of every one.
   */
  List<LaunchTemplateVersion> versions(
      String id, String name, List<String> asked, String min, String max, List<Filter> filters) {
    List<LaunchTemplateVersion> found = new ArrayList<>();
    if (id == null && name == null) {
      if (asked.isEmpty() || !asked.stream().allMatch(v -> v.equals(LATEST) || v.equals(DEFAULT))) {
        throw Errors.ec2(
            400,
            "MissingParameter",
            "Specify a launch template id or name, unless every version asked is $Latest or"
                + " $Default");
      }
      byName.values().forEach(t -> asked.forEach(v -> found.add(version(t, v))));
    } else {
      Template template = require(id, name);
      if (!asked.isEmpty()) {
        asked.forEach(v -> found.add(version(template, v)));
      } else {
        long from = min == null ? 1 : number(min);
        long to = max == null ? Long.MAX_VALUE : number(max);
        template.versions.subMap(from, true, to, true).values().stream()
            .map(v -> versionView(template, v))
            .forEach(found::add);
      }
    }
    return found.stream().filter(v -> matchesVersion(v, filters)).toList();
  }

  /**
   * Deletes each version it can; the default version, a missing one and a malformed number are
   * reported as not deleted, as EC2 does, rather than failing the call.
   */
  DeleteLaunchTemplateVersionsResponse deleteVersions(DeleteLaunchTemplateVersionsRequest request) {
    Template template = require(request.launchTemplateId(), request.launchTemplateName());
    if (request.versions().isEmpty() || request.versions().size() > MAX_VERSIONS_PER_CALL) {
      throw Errors.ec2(
          400,
          "InvalidParameterValue",
          "Specify 1 to " + MAX_VERSIONS_PER_CALL + " launch template versions to delete");
    }
    List<DeleteLaunchTemplateVersionsResponseSuccessItem> deleted = new ArrayList<>();
    List<DeleteLaunchTemplateVersionsResponseErrorItem> refused = new ArrayList<>();
    for (String asked : request.versions()) {
      Long number = asked.matches("\\d{1,18}") ? Long.valueOf(asked) : null;
      if (number == null || !template.versions.containsKey(number)) {
        refused.add(
            refusal(
                template,
                number,
                LaunchTemplateErrorCode.LAUNCH_TEMPLATE_VERSION_DOES_NOT_EXIST,
                "The launch template version " + asked + " does not exist."));
      } else if (number == template.defaultVersion) {
        refused.add(
            refusal(
                template,
                number,
                LaunchTemplateErrorCode.UNEXPECTED_ERROR,
                "Cannot delete the default version of the launch template; make another version"
                    + " the default first, or delete the whole launch template."));
      } else {
        template.versions.remove(number);
        deleted.add(
            DeleteLaunchTemplateVersionsResponseSuccessItem.builder()
                .launchTemplateId(template.id)
                .launchTemplateName(template.name)
                .versionNumber(number)
                .build());
      }
    }
    return DeleteLaunchTemplateVersionsResponse.builder()
        .successfullyDeletedLaunchTemplateVersions(deleted)
        .unsuccessfullyDeletedLaunchTemplateVersions(refused)
        .build();
  }

  LaunchTemplate delete(String id, String name) {
    Template template = require(id, name);
    byName.remove(template.name);
    return view(template);
  }

  /**
   * The version an instance launches from: {@code version} a number, {@code $Latest} or {@code
   * $Default} (also when null), as Auto Scaling names it; not-found errors as EC2 answers them.
   */
  Resolved resolve(String id, String name, String version) {
    Template template = require(id, name);
    long number = number(template, Objects.requireNonNullElse(version, DEFAULT));
    return new Resolved(
        template.id, template.name, number, template.versions.get(number).launchTemplateData());
  }

  private LaunchTemplateVersion addVersion(
      Template template, ResponseLaunchTemplateData data, String description) {
    long number = ++template.latest;
    LaunchTemplateVersion version =
        LaunchTemplateVersion.builder()
            .launchTemplateId(template.id)
            .launchTemplateName(template.name)
            .versionNumber(number)
            .versionDescription(description)
            .createTime(clock.get())
            .launchTemplateData(data)
            .build();
    template.versions.put(number, version);
    return version;
  }

  private LaunchTemplateVersion version(Template template, String asked) {
    return versionView(template, template.versions.get(number(template, asked)));
  }

  private static LaunchTemplateVersion versionView(Template template, LaunchTemplateVersion v) {
    return v.toBuilder().defaultVersion(v.versionNumber() == template.defaultVersion).build();
  }

  private LaunchTemplate view(Template template) {
    return LaunchTemplate.builder()
        .launchTemplateId(template.id)
        .launchTemplateName(template.name)
        .createTime(template.createdAt)
        .defaultVersionNumber(template.defaultVersion)
        .latestVersionNumber(template.latest)
        .tags(template.tags)
        .build();
  }

  /** The number {@code asked} names in {@code template}: it must exist. */
  private static long number(Template template, String asked) {
    long number =
        switch (asked) {
          case LATEST -> template.latest;
          case DEFAULT -> template.defaultVersion;
          default -> number(asked);
        };
    if (!template.versions.containsKey(number)) {
      throw Errors.ec2(
          400,
          "InvalidLaunchTemplateId.VersionNotFound",
          "Could not find the specified version "
              + asked
              + " for the launch template with ID "
              + template.id
              + ".");
    }
    return number;
  }

  private static long number(String asked) {
    if (!asked.matches("\\d{1,18}")) {
      throw Errors.ec2(
          400,
          "InvalidLaunchTemplateId.VersionNotFound",
          "Could not find the specified version " + asked + ".");
    }
    return Long.parseLong(asked);
  }

  private static void requireData(Object data) {
    if (data == null) {
      throw Errors.ec2(
          400, "MissingParameter", "The request must contain the parameter LaunchTemplateData");
    }
  }

  /** Exactly one of id and name names the template, which must exist. */
  private Template require(String id, String name) {
    if (id == null && name == null) {
      throw Errors.ec2(
          400,
          "MissingParameter",
          "The request must contain the parameter launchTemplateName or launchTemplateId");
    }
    if (id != null && name != null) {
      throw Errors.ec2(
          400,
          "InvalidParameterCombination",
          "You must specify either the launch template ID or the launch template name, but not"
              + " both");
    }
    return id != null ? byId(id) : byName(name);
  }

  private Template byId(String id) {
    return byName.values().stream()
        .filter(t -> t.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                Errors.ec2(
                    400,
                    "InvalidLaunchTemplateId.NotFound",
                    "The specified launch template, with template ID " + id + ", does not exist."));
  }

  private Template byName(String name) {
    Template template = byName.get(name);
    if (template == null) {
      throw Errors.ec2(
          400,
          "InvalidLaunchTemplateName.NotFoundException",
          "The specified launch template, with template name " + name + ", does not exist.");
    }
    return template;
  }

  private static DeleteLaunchTemplateVersionsResponseErrorItem refusal(
      Template template, Long number, LaunchTemplateErrorCode code, String message) {
    return DeleteLaunchTemplateVersionsResponseErrorItem.builder()
        .launchTemplateId(template.id)
        .launchTemplateName(template.name)
        .versionNumber(number)
        .responseError(e -> e.code(code).message(message))
        .build();
  }

  /**
   * EC2's filters of DescribeLaunchTemplates but create-time: a filter matches any of its values;
   * an unknown name matches nothing.
   */
  private static boolean matches(Template template, Filter filter) {
    return Ec2Filter.matchesSingle(
        List.of(filter), Map.of("launch-template-name", template.name), template.tags);
  }

  /** DescribeLaunchTemplateVersions' filters on the image, instance type and default flag. */
  private static boolean matchesVersion(LaunchTemplateVersion version, List<Filter> filters) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("is-default-version", String.valueOf(version.defaultVersion()));
    attributes.put("image-id", version.launchTemplateData().imageId());
    attributes.put("instance-type", version.launchTemplateData().instanceTypeAsString());
    return Ec2Filter.matchesSingle(filters, attributes, List.of());
  }
}
