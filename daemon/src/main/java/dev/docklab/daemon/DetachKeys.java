package dev.docklab.daemon;

import java.io.ByteArrayOutputStream;

/**
 * The keys that detach a client from a container without stopping it: {@code ctrl-p,ctrl-q} unless
 * the client names others ({@code detachKeys=ctrl-a,x}). Scans the client's input and holds back a
 * partial sequence.
 */
final class DetachKeys {
  static final byte[] DEFAULT = {16, 17};
  private final byte[] keys;
  private int matched;
  private boolean detached;

  DetachKeys(byte[] keys) {
    this.keys = keys;
  }

  /** Parses Docker's form: comma-separated {@code ctrl-X} or single characters; the default when empty. */
  static byte[] parse(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT;
    }
    String[] parts = text.split(",");
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
          throw ApiError.badRequest("Invalid escape keys (" + text + ") provided");
        }
      } else {
        throw ApiError.badRequest("Invalid escape keys (" + text + ") provided");
      }
    }
    return out;
  }

  /** The bytes of {@code buf[0..n)} to pass on; sets {@link #detached()} when the sequence is complete. */
  byte[] scan(byte[] buf, int n) {
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

  boolean detached() {
    return detached;
  }
}
