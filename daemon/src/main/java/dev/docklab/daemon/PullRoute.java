package dev.docklab.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@code POST /images/create?fromImage=}: a pull, with Docker's JSON progress stream. As dockerd, a
 * failure before any progress is an HTTP error; after it, an error message in the stream.
 */
final class PullRoute {
  private final Engine engine;

  PullRoute(Engine engine) {
    this.engine = engine;
  }

  void pull(Exchange x) throws IOException {
    String from = x.query("fromImage", "");
    if (from.isEmpty()) {
      throw ApiError.badRequest("docklab does not import images from a URL or stdin here: give fromImage");
    }
    String tag = x.query("tag", "");
    String ref = from;
    if (!tag.isEmpty()) {
      ref = from + (tag.startsWith("sha256:") ? "@" : ":") + tag;
    }
    Stream stream = new Stream(x);
    try {
      Pulled pulled = engine.images().pull(ref, stream);
      if (!pulled.downloaded()) {
        String shownTag = tag.isEmpty() ? "latest" : tag;
        stream.status("Pulling from " + familiarPath(from), shownTag);
      }
      stream.status("Digest: " + pulled.digest(), null);
      stream.status((pulled.newer() ? "Status: Downloaded newer image for "
          : "Status: Image is up to date for ") + ImageRoutes.familiar(ref), null);
      stream.close();
    } catch (EngineException e) {
      if (!stream.started()) {
        throw e;
      }
      stream.error(e.getMessage());
      stream.close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String familiarPath(String from) {
    return ImageReference.isValid(from) ? ImageReference.parse(from).path() : from;
  }

  /** The progress stream: opened at the first line. */
  private static final class Stream implements Progress {
    private final Exchange x;
    private OutputStream out;

    Stream(Exchange x) {
      this.x = x;
    }

    boolean started() {
      return out != null;
    }

    @Override
    public void line(String text) {
      int colon = text.indexOf(": ");
      if (colon > 0 && !text.startsWith("Digest") && !text.startsWith("Status")) {
        status(text.substring(colon + 2), text.substring(0, colon));
      } else {
        status(text, null);
      }
    }

    @Override
    public void layer(String id, String status, long current, long total) {
      ObjectNode o = Json.object();
      o.put("status", status);
      ObjectNode detail = o.putObject("progressDetail");
      if (total > 0) {
        detail.put("current", current);
        detail.put("total", total);
      }
      o.put("id", id);
      write(o);
    }

    void status(String status, String id) {
      ObjectNode o = Json.object();
      o.put("status", status);
      if (id != null) {
        o.put("id", id);
      }
      write(o);
    }

    void error(String message) {
      ObjectNode o = Json.object();
      o.putObject("errorDetail").put("message", message);
      o.put("error", message);
      write(o);
    }

    private void write(ObjectNode o) {
      try {
        if (out == null) {
          out = x.stream(200, "application/json");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Json.line(out, o);
    }

    void close() throws IOException {
      if (out == null) {
        out = x.stream(200, "application/json");
      }
      out.close();
    }
  }
}
