package dev.docklab.lessons.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** An HTTP GET on this host, as a learner's browser or curl would make it. */
public interface Http {
  /** The body of {@code GET http://127.0.0.1:PORT/PATH}; fails when nothing answers. */
  String get(int port, String path) throws IOException;

  /**
   * Real requests with short timeouts, so that a check never holds up the prompt for long. A refused
   * connection is tried again for up to 1.5 s: a server the learner's line has just started may not
   * listen yet (busybox httpd takes a moment after {@code docker start} returns).
   */
  static Http local() {
    return (port, path) -> {
      for (int attempt = 0; ; attempt++) {
        try {
          return once(port, path);
        } catch (ConnectException e) {
          if (attempt == 6) {
            throw e;
          }
          try {
            Thread.sleep(250);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
    };
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
