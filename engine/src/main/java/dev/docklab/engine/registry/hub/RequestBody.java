package dev.docklab.engine.registry.hub;

import dev.docklab.engine.registry.RegistryError;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request's body as a stream. When the client stops sending (nothing for the idle timeout) or sends
 * more slowly than the hub's minimum rate, Jetty fails the read with a timeout; this turns it into a
 * 408 in the registry's terms, instead of the 500 an I/O error would get.
 */
final class RequestBody extends FilterInputStream {
  private final String code;
  private final String message;
  private final HubLimits limits;

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
      return super.read();
    } catch (IOException e) {
      throw stalledOr(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      throw stalledOr(e);
    }
  }

  /** Throws the 408 when {@code e} is a timeout; else gives {@code e} back to be thrown. */
  private IOException stalledOr(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        throw RegistryError.bodyStalled(code, message, "the request body stalled: the hub waits "
            + limits.idleTimeout().toSeconds() + "s at most for the next bytes and takes no less than "
            + limits.minBytesPerSecond() + " bytes/s");
      }
    }
    return e;
  }
}
