package dev.ekskit.nodes;

/**
 * A launch template as EC2 describes it.
 *
 * <pre>{@code
 * LaunchTemplateInfo template = nodegroups.launchTemplates().create(spec).join();
 * NodegroupSpec.builder().launchTemplateId(template.id());
 * }</pre>
 *
 * @param id e.g. {@code lt-0123456789abcdef0}
 * @param name its name
 * @param defaultVersion the version number used when none is named
 */
public record LaunchTemplateInfo(String id, String name, long defaultVersion) {}
