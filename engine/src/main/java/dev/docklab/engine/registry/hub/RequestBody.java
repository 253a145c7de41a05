package dev.docklab.engine.registry.hub;

import dev.docklab.engine.registry.RegistryError;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request's body as a stream, cut off with a 408 in the registry's terms when the client stops sending
 * (nothing for the idle timeout: Jetty fails the read) or trickles: after a grace of {@link #GRACE_NANOS},
 * the bytes read must keep up with the hub's minimum rate over the time past the grace. The grace lets a
 * client that sends a few bytes and then works (skopeo compressing a layer as it uploads it) go on; Jetty's
 * own minimum-rate check measured from the first byte and cut such clients off within a second.
 */
final class RequestBody extends FilterInputStream {
  private final String code;
  private final String message;
  private final HubLimits limits;
  private final long started = System.nanoTime();
  private long bytes;

  /** How long a body may send below the minimum rate before it is held to it: three seconds. */
  static final long GRACE_NANOS = 3_000_000_000L;

  private RequestBody(InputStream in, String code, String message, HubLimits limits) {
    super(in);
    this.code = code;
    this.message = message;
    this.limits = limits;
  }

  /** The body of an upload: a stall is BLOB_UPLOAD_INVALID. */
  static InputStream ofUpload(Request req, HubLimits limits) {
    return new RequestBody(Content.Source.asInputStream(req), "BLOB_UPLOAD_INVALID", "blob upload invalid", limits);
  }

  /** The body of a manifest: a stall is MANIFEST_INVALID. */
  static InputStream ofManifest(Request req, HubLimits limits) {
    return new RequestBody(Content.Source.asInputStream(req), "MANIFEST_INVALID", "manifest invalid", limits);
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      keepsUp(b < 0 ? 0 : 1);
      return b;
    } catch (IOException e) {
      throw stalledOr(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      keepsUp(Math.max(n, 0));
      return n;
    } catch (IOException e) {
      throw stalledOr(e);
    }
  }

  /** Counts {@code n} more bytes; throws the 408 when the body has fallen behind the minimum rate. */
  private void keepsUp(int n) {
    bytes += n;
    long held = System.nanoTime() - started - GRACE_NANOS;
    if (held > 0 && limits.minBytesPerSecond() > 0
        && bytes < limits.minBytesPerSecond() * (held / 1_000_000) / 1000) {
      throw stalled();
    }
  }

  private RegistryError stalled() {
    return RegistryError.bodyStalled(code, message, "the request body stalled: the hub waits "
        + limits.idleTimeout().toSeconds() + "s at most for the next bytes and takes no less than "
        + limits.minBytesPerSecond() + " bytes/s");
  }

  /** Throws the 408 when {@code e} is a timeout; else gives {@code e} back to be thrown. */
  private IOException stalledOr(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        throw stalled();
      }
    }
    return e;
  }
}
