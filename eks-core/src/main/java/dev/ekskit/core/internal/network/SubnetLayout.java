package dev.ekskit.core.internal.network;

import dev.ekskit.core.internal.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * eksctl's split of a VPC block: 8 blocks of its prefix + 3 (a /16 into /19s), zone {@code i}'s
 * public subnet in block {@code i}, its private subnet in block {@code i + zones}. Blocks beyond
 * {@code 2 * zones} stay free for later use.
 */
public final class SubnetLayout {
  /** How many blocks the VPC's range is split into. */
  public static final int BLOCKS = 8;

  private static final int EXTRA_BITS = 3;

  private final List<String> blocks;
  private final int zones;

  private SubnetLayout(List<String> blocks, int zones) {
    this.blocks = blocks;
    this.zones = zones;
  }

  /** The layout of {@code cidrBlock} (a valid /16 to /24) over {@code zones} zones. */
  public static SubnetLayout of(String cidrBlock, int zones) {
    Ipv4Cidr vpc = Ipv4Cidr.parse(cidrBlock);
    int prefix = vpc.prefix() + EXTRA_BITS;
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < BLOCKS; i++) {
      blocks.add(text(vpc.network() + ((long) i << (32 - prefix)), prefix));
    }
    return new SubnetLayout(List.copyOf(blocks), zones);
  }

  /** The 8 blocks, in address order. */
  public List<String> blocks() {
    return blocks;
  }

  public String publicCidr(int zoneIndex) {
    return blocks.get(zoneIndex);
  }

  public String privateCidr(int zoneIndex) {
    return blocks.get(zoneIndex + zones);
  }

  private static String text(long address, int prefix) {
    return (address >> 24 & 255)
        + "."
        + (address >> 16 & 255)
        + "."
        + (address >> 8 & 255)
        + "."
        + (address & 255)
        + "/"
        + prefix;
  }
}
