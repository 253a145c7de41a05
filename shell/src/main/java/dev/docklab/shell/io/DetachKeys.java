package dev.docklab.shell.io;

import dev.docklab.engine.api.EngineException;
import java.io.ByteArrayOutputStream;

/**
 * The keys that detach the learner from a container without stopping it: Ctrl+P Ctrl+Q unless
 * {@code --detach-keys} names others (Docker's form: {@code ctrl-a,x}). Scans the learner's input and holds back a
 * partial sequence, passing it on when the next key does not continue it.
 */
public final class DetachKeys {
  /** Ctrl+P Ctrl+Q. */
  public static final byte[] DEFAULT = {16, 17};
  private final byte[] keys;
  private int matched;
  private boolean detached;

  public DetachKeys(byte[] keys) {
    this.keys = keys.clone();
  }

  /** Docker's form: comma-separated {@code ctrl-X} or single characters; the default when null or empty. */
  public static byte[] parse(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT.clone();
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
          throw EngineException.invalid("Invalid detach keys (" + text + ") provided");
        }
      } else {
        throw EngineException.invalid("Invalid detach keys (" + text + ") provided");
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

  public boolean detached() {
    return detached;
  }
}
