package dev.ekskit.core;

/**
 * What a delete did to the resource it was asked to delete: deleted it, or found it gone already
 * (not an error: a delete run again after a crash ends the same way).
 *
 * <pre>{@code
 * Deleted coredns = kit.addons().delete("orders", "coredns").join();
 * if (!coredns.deleted()) {
 *   log.info("{} was gone already", coredns.resource());
 * }
 * }</pre>
 *
 * @param resource what was to be deleted
 * @param deleted true when this run deleted it, false when it was gone already
 */
public record Deleted(ResourceRef resource, boolean deleted) {}
