package dev.docklab.bench;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.interp.Shell;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** {@code scripts/bench http}: HTTP to the web image through a published port against its own address. */
final class HttpBench {
  private HttpBench() {}

  /**
   * HTTP through a published port against the same server reached at the container's own address:
   * the web image behind {@code -p}, {@code requests} GETs (a new connection each, as busybox httpd
   * closes every one) from {@code concurrency} client threads, the two paths in alternating rounds.
   */
  static void http(Path root, int requests, int concurrency) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      int port = BenchSupport.freePort();
      if (shell.execute("docker run -d --name bench-web -p " + port + ":80 web") != 0) {
        throw new IllegalStateException("could not start the web image");
      }
      try {
        String ip = engine.containers().inspect("bench-web").network().ipAddress();
        Round warm = httpRound("127.0.0.1", port, requests / 4, concurrency);
        warm = httpRound(ip, 80, requests / 4, concurrency);
        List<Double> published = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<Double> publishedLatency = new ArrayList<>();
        List<Double> directLatency = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
          Round p = httpRound("127.0.0.1", port, requests, concurrency);
          Round d = httpRound(ip, 80, requests, concurrency);
          published.add(p.perSecond());
          direct.add(d.perSecond());
          publishedLatency.add(p.medianMs());
          directLatency.add(d.medianMs());
        }
        Collections.sort(published);
        Collections.sort(direct);
        Collections.sort(publishedLatency);
        Collections.sort(directLatency);
        double pub = published.get(2);
        double dir = direct.get(2);
        System.out.printf("published 127.0.0.1:%d: median of 5 rounds %.0f requests/s, latency median %.3f ms%n",
            port, pub, publishedLatency.get(2));
        System.out.printf("direct %s:80:         median of 5 rounds %.0f requests/s, latency median %.3f ms%n",
            ip, dir, directLatency.get(2));
        System.out.printf("ratio published/direct: %.2f (goal >= 0.8); %d requests per round, %d client threads%n",
            pub / dir, requests, concurrency);
        if (warm.perSecond() <= 0) {
          throw new IllegalStateException("no request answered");
        }
      } finally {
        shell.execute("docker rm -f bench-web");
      }
    }
  }

  private record Round(double perSecond, double medianMs) {}

  private static Round httpRound(String host, int port, int requests, int concurrency) throws Exception {
    AtomicInteger left = new AtomicInteger(requests);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    byte[] request = ("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      Thread t = new Thread(() -> {
        while (left.getAndDecrement() > 0) {
          long s0 = System.nanoTime();
          try (Socket sock = new Socket(host, port)) {
            sock.getOutputStream().write(request);
            byte[] body = sock.getInputStream().readAllBytes();
            if (body.length == 0 || body[9] != '2') {
              throw new IOException("bad response from " + host + ":" + port);
            }
          } catch (Exception e) {
            failed.compareAndSet(null, e);
            return;
          }
          latencies.add((System.nanoTime() - s0) / 1e6);
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Round(requests / seconds, sorted.get(sorted.size() / 2));
  }
}
