package dev.docklab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.Engine;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.registry.hub.Hub;
import dev.docklab.engine.registry.hub.HubStore;
import dev.docklab.engine.store.Trees;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.Shell;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Human;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The engine half of {@code scripts/bench run}: times {@code docker run --rm busybox echo hello}
 * typed into a warm shell, and leaves beside it what the raw-floor script needs (the layer dirs and
 * an equivalent OCI config). Prints {@code engine_median_ms=...}.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] argv) throws Exception {
    if (argv[0].equals("memory")) {
      memory(Path.of(argv[1]), Integer.parseInt(argv[2]));
      return;
    }
    if (argv[0].equals("registry")) {
      registry(Path.of(argv[1]), Path.of(argv[2]), Integer.parseInt(argv[3]));
      return;
    }
    if (argv[0].equals("http")) {
      http(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]));
      return;
    }
    if (argv[0].equals("explain")) {
      explain(Path.of(argv[1]));
      return;
    }
    if (argv[0].equals("build")) {
      build(Path.of(argv[1]));
      return;
    }
    if (argv[0].equals("commit")) {
      commit(Path.of(argv[1]), Integer.parseInt(argv[2]));
      return;
    }
    if (argv[0].equals("ps")) {
      ps(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]));
      return;
    }
    Path root = Path.of(argv[0]);
    int runs = Integer.parseInt(argv[1]);
    int warmup = Integer.parseInt(argv[2]);
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    Map<String, List<Double>> steps = new TreeMap<>();
    EngineListener byStep = e -> steps.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e.took().toNanos() / 1e6);
    try (Engine engine = Engine.open(EngineOptions.at(root), byStep)) {
      engine.ensureBaseImages();
      Session session = new Session(() -> engine, sink, System.err, InputStream.nullInputStream(),
          new Messages(Messages.Lang.EN), Session.Foreground.NONE);
      Shell shell = new Shell(session);
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < warmup + runs; i++) {
        long t0 = System.nanoTime();
        int status = shell.execute("docker run --rm busybox echo hello");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 0) {
          throw new IllegalStateException("docker run failed with status " + status);
        }
        if (i >= warmup) {
          times.add(ms);
        }
      }
      Collections.sort(times);
      for (var e : steps.entrySet()) {
        List<Double> v = new ArrayList<>(e.getValue());
        Collections.sort(v);
        System.err.printf("  step %-8s median %.2f ms%n", e.getKey(), v.get(v.size() / 2));
      }
      double median = times.size() % 2 == 1 ? times.get(times.size() / 2)
          : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
      // what the raw floor needs: the same layers, and the bundle of an equivalent container
      Image image = engine.findImage("busybox");
      List<String> lowers = new ArrayList<>();
      for (Digest d : image.diffIds()) {
        lowers.add(0, engine.layout().layerDiff(d).toString());
      }
      Files.writeString(root.resolve("bench-lowerdirs"), String.join(":", lowers) + "\n");
      var kept = engine.run(RunRequest.of("busybox", "echo", "hello"), (s, b) -> { });
      Container c = kept.container();
      Files.copy(engine.layout().container(c.id()).resolve("bundle/config.json"), root.resolve("bench-config.json"));
      engine.remove(c.id(), true);
      System.out.printf("engine_median_ms=%.1f%n", median);
      System.out.println("engine_runs_ms=" + times.stream().map(t -> String.format("%.1f", t))
          .collect(Collectors.joining(",")));
    }
  }

  /**
   * Pull and push of a big image ({@code rootfs}, e.g. a debootstrap minbase) through docklab's hub:
   * the image goes into hub A gzip-compressed by skopeo; each pull run removes it and pulls it through
   * the mirror, beside the floor of {@code tar -xzf} of the same layer blobs; each push run sends it
   * to a fresh hub B, beside {@code skopeo copy} of the same blobs from A to another fresh hub.
   */
  static void registry(Path root, Path rootfs, int runs) throws Exception {
    Files.createDirectories(root);
    Path work = Files.createDirectories(root.resolve("bench-work"));
    System.setProperty("docklab.config", work.resolve("config").toString());
    int portA = freePort();
    Files.writeString(root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + portA + "\"}");
    new Hub(root.resolve("registry"), null).accounts().add("bench", "bench-pw", true);
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      Path tar = work.resolve("rootfs.tar");
      exec(List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."));
      try (var in = Files.newInputStream(tar)) {
        engine.importImage(in, "big:latest", "-");
      }
      Path archive = work.resolve("big.docker.tar");
      try (var out = Files.newOutputStream(archive)) {
        engine.save(List.of("big:latest"), out);
      }
      engine.startHub();
      String hubA = "127.0.0.1:" + portA;
      exec(List.of("skopeo", "copy", "--dest-compress", "--dest-tls-verify=false", "--dest-creds", "bench:bench-pw",
          "docker-archive:" + archive, "docker://" + hubA + "/library/big:latest"));
      shell.execute("docker rmi big:latest");
      long imageBytes = Files.size(tar);
      // the floor: gunzip + untar of the hub's own layer blobs
      var hubStore = new HubStore(root.resolve("registry"));
      JsonNode manifest = new ObjectMapper()
          .readTree(hubStore.manifest("library/big", "latest").bytes());
      List<Path> blobs = new ArrayList<>();
      long compressed = 0;
      for (var l : manifest.path("layers")) {
        Path b = root.resolve("registry/blobs/sha256").resolve(l.path("digest").asText().substring(7));
        blobs.add(b);
        compressed += Files.size(b);
      }
      List<Double> pulls = new ArrayList<>();
      List<Double> floors = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        if (shell.execute("docker pull big") != 0) {
          throw new IllegalStateException("docker pull big failed");
        }
        pulls.add((System.nanoTime() - t0) / 1e6);
        shell.execute("docker rmi big:latest");
        Path into = Files.createDirectories(work.resolve("floor-" + i));
        long t1 = System.nanoTime();
        for (Path b : blobs) {
          exec(List.of("tar", "-xzf", b.toString(), "-C", into.toString()));
        }
        floors.add((System.nanoTime() - t1) / 1e6);
        Trees.deleteRecursively(into);
      }
      shell.execute("docker pull big");
      List<Double> pushes = new ArrayList<>();
      List<Double> skopeos = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        for (boolean docklab : new boolean[] {true, false}) {
          Path hubRoot = work.resolve("hub-" + i + (docklab ? "-d" : "-s"));
          try (var hubB = new Hub(hubRoot, null)) {
            hubB.accounts().add("bench", "bench-pw", true);
            String b = "127.0.0.1:" + hubB.start("127.0.0.1", 0);
            long t0 = System.nanoTime();
            if (docklab) {
              engine.login(b, "bench", "bench-pw");
              shell.execute("docker tag big " + b + "/bench/big");
              if (shell.execute("docker push " + b + "/bench/big") != 0) {
                throw new IllegalStateException("docker push failed");
              }
              pushes.add((System.nanoTime() - t0) / 1e6);
              shell.execute("docker rmi " + b + "/bench/big");
            } else {
              exec(List.of("skopeo", "copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds",
                  "bench:bench-pw", "docker://" + hubA + "/library/big:latest", "docker://" + b + "/bench/big:latest"));
              skopeos.add((System.nanoTime() - t0) / 1e6);
            }
          }
          Trees.deleteRecursively(hubRoot);
        }
      }
      double pull = median(pulls);
      double floor = median(floors);
      double push = median(pushes);
      double skopeo = median(skopeos);
      System.out.printf("image: %s unpacked, %s of gzip layers in the hub (%d layer%s)%n", Human.size(imageBytes),
          Human.size(compressed), blobs.size(), blobs.size() == 1 ? "" : "s");
      System.out.printf("docker pull big (docklab, from its hub, nothing cached): median %.0f ms of %d%n", pull, runs);
      System.out.printf("floor (tar -xzf of the same layer blobs):             median %.0f ms%n", floor);
      System.out.printf("pull ratio: %.2f (goal <= 1.3)%n", pull / floor);
      System.out.printf("docker push to a fresh hub (docklab):                  median %.0f ms%n", push);
      System.out.printf("skopeo copy of the same blobs to a fresh hub:          median %.0f ms%n", skopeo);
      System.out.printf("push ratio docklab/skopeo: %.2f%n", push / skopeo);
    }
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void exec(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  private static Shell quietShell(Engine engine) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    return new Shell(new Session(() -> engine, sink, System.err, InputStream.nullInputStream(),
        new Messages(Messages.Lang.EN), Session.Foreground.NONE));
  }

  /** RSS in kB of a process, from /proc/PID/status. */
  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /**
   * Memory per idle running container: every process docklab added for it on the host, i.e. its
   * monitor (conmon) once the runtime has exited, beside the container's own process.
   */
  static void memory(Path root, int count) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      for (int i = 0; i < count; i++) {
        if (shell.execute("docker run -d --name idle" + i + " busybox sleep 3600") != 0) {
          throw new IllegalStateException("docker run -d failed");
        }
      }
      Thread.sleep(1000);
      long monitorKb = 0;
      long containerKb = 0;
      List<Long> monitors = new ArrayList<>();
      for (Container c : engine.containers(false)) {
        monitors.add(c.state().monitorPid());
        monitorKb += rssKb(c.state().monitorPid());
        containerKb += rssKb(c.state().pid());
      }
      // any other process whose parent is a monitor (a runtime left behind would count here)
      long extraKb = 0;
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String stat = Files.readString(p.resolve("stat"));
            long ppid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
            long pid = Long.parseLong(p.getFileName().toString());
            boolean isContainerInit = engine.containers(false).stream().anyMatch(c -> c.state().pid() == pid);
            if (monitors.contains(ppid) && !isContainerInit) {
              extraKb += rssKb(pid);
            }
          } catch (IOException | RuntimeException e) {
            // gone
          }
        }
      }
      int n = monitors.size();
      System.out.printf("containers_running=%d%n", n);
      System.out.printf("docklab_added_kb_per_container=%.0f%n", (monitorKb + extraKb) / (double) n);
      System.out.printf("conmon_kb_per_container=%.0f%n", monitorKb / (double) n);
      System.out.printf("container_process_kb_per_container=%.0f%n", containerKb / (double) n);
      shell.execute("docker rm -f $(docker ps -aq)");
    }
  }

  /** {@code docker ps -a} latency in a warm shell with {@code count} containers (created, not started). */
  static void ps(Path root, int count, int runs) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      for (int i = engine.containers(true).size(); i < count; i++) {
        shell.execute("docker create --name c" + i + " busybox true");
      }
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < runs + 5; i++) {
        long t0 = System.nanoTime();
        shell.execute("docker ps -a");
        if (i >= 5) {
          times.add((System.nanoTime() - t0) / 1e6);
        }
      }
      Collections.sort(times);
      System.out.printf("containers=%d%n", engine.containers(true).size());
      System.out.printf("ps_a_median_ms=%.2f%n", times.get(times.size() / 2));
      shell.execute("docker rm $(docker ps -aq)");
    }
  }

  /** {@code docker commit} of a container that wrote {@code mb} MB of incompressible data. */
  static void commit(Path root, int mb) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        shell.execute("docker run --name big" + i + " busybox sh -c 'head -c " + (mb * 1048576L)
            + " /dev/urandom > /big'");
        long t0 = System.nanoTime();
        if (shell.execute("docker commit big" + i + " big:" + i) != 0) {
          throw new IllegalStateException("commit failed");
        }
        times.add((System.nanoTime() - t0) / 1e6);
        shell.execute("docker rm big" + i + "; docker rmi big:" + i);
      }
      Collections.sort(times);
      System.out.printf("commit_%dmb_median_ms=%.0f (runs: %s)%n", mb, times.get(times.size() / 2), times);
    }
  }

  /**
   * HTTP through a published port against the same server reached at the container's own address:
   * the web image behind {@code -p}, {@code requests} GETs (a new connection each, as busybox httpd
   * closes every one) from {@code concurrency} client threads, the two paths in alternating rounds.
   */
  static void http(Path root, int requests, int concurrency) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      if (shell.execute("docker run -d --name bench-web -p " + port + ":80 web") != 0) {
        throw new IllegalStateException("could not start the web image");
      }
      try {
        String ip = engine.container("bench-web").network().ipAddress();
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

  /** A 7-instruction build, without the cache and then with a warm one. */
  static void build(Path root) throws Exception {
    Path ctx = Files.createDirectories(root.resolve("context"));
    byte[] mb = new byte[1 << 20];
    new Random(7).nextBytes(mb);
    Files.write(ctx.resolve("data.bin"), mb);
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n", "FROM busybox", "LABEL lesson=bench",
        "RUN echo built > /built", "COPY data.bin /data/", "ENV MODE=bench", "WORKDIR /data", "CMD [\"ls\"]", ""));
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      shell.execute("docker build -t warmup " + ctx); // warms the JVM
      List<Double> cold = new ArrayList<>();
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        long t0 = System.nanoTime();
        shell.execute("docker build --no-cache -t bench:" + i + " " + ctx);
        cold.add((System.nanoTime() - t0) / 1e6);
        long t1 = System.nanoTime();
        shell.execute("docker build -t bench:" + i + " " + ctx);
        warm.add((System.nanoTime() - t1) / 1e6);
      }
      Collections.sort(cold);
      Collections.sort(warm);
      System.out.printf("build_no_cache_median_ms=%.0f%n", cold.get(cold.size() / 2));
      System.out.printf("build_warm_cache_median_ms=%.0f%n", warm.get(warm.size() / 2));
    }
  }

  /** {@code explain layers} on an image of 30 layers and 20,000 files, in a warm shell. */
  static void explain(Path root) throws Exception {
    Path ctx = Files.createDirectories(root.resolve("context"));
    StringBuilder df = new StringBuilder("FROM busybox\n");
    for (int i = 0; i < 28; i++) {
      df.append("RUN mkdir -p /d").append(i).append(" && cd /d").append(i)
          .append(" && i=0; while [ $i -lt 715 ]; do echo $i > f$i; i=$((i+1)); done\n");
    }
    Files.writeString(ctx.resolve("Dockerfile"), df.toString());
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      if (shell.execute("docker build -t layered " + ctx) != 0) {
        throw new IllegalStateException("build failed");
      }
      var report = engine.layerReport("layered");
      int files = report.layers().stream().mapToInt(l -> l.added() + l.changed()).sum();
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        long t0 = System.nanoTime();
        shell.execute("explain layers layered");
        if (i >= 5) {
          times.add((System.nanoTime() - t0) / 1e6);
        }
      }
      Collections.sort(times);
      System.out.printf("layers=%d files=%d explain_layers_median_ms=%.0f%n", report.layers().size(), files,
          times.get(times.size() / 2));
    }
  }
}
