package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:9a0b...}: the algorithm and the lowercase hex of the hash.
 * Validated on construction, so a {@code Digest} in hand is always well formed.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*");

  public Digest {
    if (algorithm == null || !ALGORITHM.matcher(algorithm).matches()) {
      throw EngineException.invalid("invalid digest algorithm: \"" + algorithm + "\"");
    }
    if (!"sha256".equals(algorithm)) {
      throw EngineException.invalid("unsupported digest algorithm: " + algorithm + " (only sha256 is supported)");
    }
    if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
      throw EngineException.invalid("invalid checksum digest format: " + algorithm + ":" + hex);
    }
  }

  /** Parses {@code sha256:<64 hex>}. */
  public static Digest parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0) {
      throw EngineException.invalid("invalid checksum digest format: " + text);
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** A sha256 digest from 64 lowercase hex characters. */
  public static Digest sha256(String hex) {
    return new Digest("sha256", hex);
  }

  /** True when {@code text} is a well-formed digest. */
  public static boolean isDigest(String text) {
    try {
      parse(text);
      return true;
    } catch (EngineException e) {
      return false;
    }
  }

  /** The first 12 hex characters, as Docker shows image ids. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  @Override
  public int compareTo(Digest other) {
    return toString().compareTo(other.toString());
  }
}
