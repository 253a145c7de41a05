package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on this host, standing in for the server a published port reaches. */
class HttpCheckTest {
  private final FakeView view = new FakeView();
  private HttpServer server;
  private int port;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("<p>served from " + exchange.getRequestURI().getPath() + " by busybox httpd</p>")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Probe probe() {
    return new Probe(view, Http.local(), FakeView.LESSON, FakeView.STEP, null);
  }

  @Test
  void thePageThroughTheHostPortARunningContainerPublishes() {
    view.add("site", "web", "httpd").publish(port, 80);
    Verdict v = new HttpCheck(null, 80, null, "busybox httpd").test(probe());
    assertTrue(v.holds());
    assertEquals("site", v.container());
    assertTrue(new HttpCheck(port, null, "/index.html", "/index.html").test(probe()).holds());
    assertFalse(new HttpCheck(null, 80, null, "nginx").test(probe()).holds(), "another page");
  }

  @Test
  void aServerOnTheHostWithoutAContainerPublishingItDoesNotPass() {
    assertFalse(new HttpCheck(port, null, null, "busybox httpd").test(probe()).holds());
    view.add("other", "web", "httpd").publish(port + 1 == 65536 ? 1 : port + 1, 80);
    assertFalse(new HttpCheck(port, null, null, "busybox httpd").test(probe()).holds());
  }

  @Test
  void aStoppedContainerPublishesNothing() {
    view.add("site", "web", "httpd").publish(port, 80).exited(0);
    assertFalse(new HttpCheck(null, 80, null, "busybox httpd").test(probe()).holds());
  }

  @Test
  void nothingAnsweringIsNotYet() {
    view.add("site", "web", "httpd").publish(port, 80);
    server.stop(0);
    assertFalse(new HttpCheck(null, 80, null, "busybox httpd").test(probe()).holds());
  }

  @Test
  void aServerJustStartedIsWaitedForWhileItIsNotListeningYet() {
    view.add("site", "web", "httpd").publish(port, 80).startedAt(Instant.now());
    AtomicInteger tries = new AtomicInteger();
    Http late = (p, path) -> {
      if (tries.incrementAndGet() < 3) {
        throw new ConnectException("Connection refused");
      }
      return Http.local().get(p, path);
    };
    assertTrue(new HttpCheck(null, 80, null, "busybox httpd").test(new Probe(view, late, FakeView.LESSON,
        FakeView.STEP, null)).holds());
    assertEquals(3, tries.get());
  }

  @Test
  void aPortWithNoServerOnAContainerRunningForLongIsTriedOnce() {
    view.add("quiet", "web", "sleep", "3600").publish(port, 80).startedAt(Instant.now().minusSeconds(60));
    AtomicInteger tries = new AtomicInteger();
    Http refused = (p, path) -> {
      tries.incrementAndGet();
      throw new ConnectException("Connection refused");
    };
    assertFalse(new HttpCheck(null, 80, null, "busybox httpd").test(new Probe(view, refused, FakeView.LESSON,
        FakeView.STEP, null)).holds());
    assertEquals(1, tries.get(), "no second try: the prompt is not held up after every line");
  }

  @Test
  void needsOnePortAndAText() {
    assertThrows(IllegalArgumentException.class, () -> new HttpCheck(8080, 80, null, "x"));
    assertThrows(IllegalArgumentException.class, () -> new HttpCheck(null, null, null, "x"));
    assertThrows(IllegalArgumentException.class, () -> new HttpCheck(8080, null, null, ""));
  }
}
