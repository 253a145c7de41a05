package dev.docklab.lessons.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** An HTTP GET on this host, as a learner's browser or curl would make it. */
public interface Http {
  /** The body of {@code GET http://127.0.0.1:PORT/PATH}; fails when nothing answers. */
  String get(int port, String path) throws IOException;

  /**
   * Real requests with short timeouts, one try each, so that a check never holds up the prompt for
   * long ({@link HttpCheck} tries again when the container has only just started).
   */
  static Http local() {
    return Http::once;
  }

  /** One GET. */
  private static String once(int port, String path) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL("http", "127.0.0.1", port, path).openConnection();
    c.setConnectTimeout(1000);
    c.setReadTimeout(2000);
    try (InputStream in = c.getInputStream()) {
      return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
    } finally {
      c.disconnect();
    }
  }
}
