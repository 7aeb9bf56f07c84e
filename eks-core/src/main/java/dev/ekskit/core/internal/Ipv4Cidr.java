package dev.ekskit.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block, parsed strictly (no leading zeros, host bits must be zero). */
public record Ipv4Cidr(long network, int prefix) {
  private static final Pattern SHAPE =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

  /** The CIDR, or null with {@link #problem(String)} saying why not. */
  public static Ipv4Cidr parse(String text) {
    return problem(text) == null ? parseValid(text) : null;
  }

  /** Why {@code text} is not a valid IPv4 CIDR block, or null when it is. */
  public static String problem(String text) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return "must be an IPv4 CIDR block like 10.0.0.0/16, was '" + text + "'";
    }
    for (int i = 1; i <= 4; i++) {
      String octet = m.group(i);
      if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
        return "has an invalid address octet '" + octet + "' in '" + text + "'";
      }
    }
    if (Integer.parseInt(m.group(5)) > 32) {
      return "has a prefix length over 32 in '" + text + "'";
    }
    Ipv4Cidr cidr = parseValid(text);
    if ((cidr.network & ~cidr.mask()) != 0) {
      return "has host bits set in '"
          + text
          + "' (the network address is "
          + cidr.networkText()
          + ")";
    }
    return null;
  }

  public boolean contains(Ipv4Cidr other) {
    return other.prefix >= prefix && (other.network & mask()) == network;
  }

  private long mask() {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  private String networkText() {
    return (network >> 24 & 255)
        + "."
        + (network >> 16 & 255)
        + "."
        + (network >> 8 & 255)
        + "."
        + (network & 255)
        + "/"
        + prefix;
  }

  private static Ipv4Cidr parseValid(String text) {
    Matcher m = SHAPE.matcher(text);
    m.matches();
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      address = address << 8 | Integer.parseInt(m.group(i));
    }
    return new Ipv4Cidr(address, Integer.parseInt(m.group(5)));
  }
}
