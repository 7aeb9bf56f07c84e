package dev.ekskit.nodes.internal;

import software.amazon.awssdk.services.ec2.model.Filter;

/** EC2 describe filters, built whole so that several fit one request without varargs lambdas. */
final class Ec2Filters {
  private Ec2Filters() {}

  static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }
}
