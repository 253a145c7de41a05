package dev.docklab.engine.network;

/**
 * An IPv4 subnet such as {@code 172.17.0.0/16}.
 *
 * @param base the network address as an unsigned 32-bit number
 * @param prefix the prefix length
 */
public record Subnet(long base, int prefix) {
  public Subnet {
    base = base & mask(prefix);
  }

  public static Subnet parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a subnet (a.b.c.d/n): " + cidr);
    }
    return new Subnet(address(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
  }

  /** {@code a.b.c.d} as an unsigned 32-bit number. */
  public static long address(String dotted) {
    String[] o = dotted.split("\\.");
    if (o.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    long v = 0;
    for (String part : o) {
      int b = Integer.parseInt(part);
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + dotted);
      }
      v = v << 8 | b;
    }
    return v;
  }

  public static String dotted(long v) {
    return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  public boolean contains(long address) {
    return (address & mask(prefix)) == base;
  }

  public boolean overlaps(Subnet other) {
    int p = Math.min(prefix, other.prefix);
    return (base & mask(p)) == (other.base & mask(p));
  }

  /** The first host address, which the bridge takes as the gateway (Docker: 172.17.0.1). */
  public String gateway() {
    return dotted(base + 1);
  }

  @Override
  public String toString() {
    return dotted(base) + "/" + prefix;
  }
}
