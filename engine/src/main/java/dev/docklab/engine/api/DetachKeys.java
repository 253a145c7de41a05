package dev.docklab.engine.api;

import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * The keys that detach a client from a container without stopping it: Ctrl+P Ctrl+Q unless the client
 * names others in Docker's form ({@code --detach-keys ctrl-a,x}, {@code detachKeys=ctrl-a,x}). Scans the
 * client's input and holds back a partial sequence, passing it on when the next key does not continue it.
 */
public final class DetachKeys {
  private static final byte[] DEFAULT = {16, 17};
  private final byte[] keys;
  private int matched;
  private boolean detached;

  public DetachKeys(byte[] keys) {
    this.keys = keys.clone();
  }

  /** Ctrl+P Ctrl+Q. */
  public static byte[] defaults() {
    return DEFAULT.clone();
  }

  /**
   * Docker's form: comma-separated {@code ctrl-X} or single characters; the default when null or empty.
   * What is no key is refused with {@code refusal}'s exception, given the text, so that each side says it
   * in its own words (the docker CLI's, the API's).
   */
  public static byte[] parse(String text, Function<String, ? extends RuntimeException> refusal) {
    if (text == null || text.isEmpty()) {
      return defaults();
    }
    String[] parts = text.split(",", -1);
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.length() == 1) {
        out[i] = (byte) p.charAt(0);
      } else if (p.startsWith("ctrl-") && p.length() == 6) {
        char k = Character.toLowerCase(p.charAt(5));
        if (k >= 'a' && k <= 'z') {
          out[i] = (byte) (k - 'a' + 1);
        } else if ("@[\\]^_".indexOf(k) >= 0) {
          out[i] = (byte) (k == '@' ? 0 : "[\\]^_".indexOf(k) + 27);
        } else {
          throw refusal.apply(text);
        }
      } else {
        throw refusal.apply(text);
      }
    }
    return out;
  }

  /** The bytes of {@code buf[0..n)} to pass on; {@link #detached()} once the sequence is complete. */
  public byte[] scan(byte[] buf, int n) {
    ByteArrayOutputStream pass = new ByteArrayOutputStream(n);
    for (int i = 0; i < n && !detached; i++) {
      if (buf[i] == keys[matched]) {
        matched++;
        if (matched == keys.length) {
          detached = true;
        }
      } else {
        pass.write(keys, 0, matched);
        matched = 0;
        if (buf[i] == keys[0]) {
          matched = 1;
        } else {
          pass.write(buf[i]);
        }
      }
    }
    return pass.toByteArray();
  }

  /** Whether the whole sequence has been typed. */
  public boolean detached() {
    return detached;
  }
}
