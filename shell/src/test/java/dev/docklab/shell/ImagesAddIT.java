package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code scripts/docklab images add} for real: debian by debootstrap from this machine's Debian mirror, run,
 * removed and pulled back from docklab's hub; then tomcat on it, answering on 8080 with its start in
 * {@code docker logs}. It downloads from the mirror (CI reaches Debian) and takes a few minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagesAddIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-add-"));
    // a hub of its own: other runs on this machine use 127.0.0.1:5000
    Files.writeString(t.root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + RegistryIT.freePort() + "\"}");
  }

  @AfterAll
  static void tearDown() throws IOException {
    t.destroy();
  }

  /** {@code docklab images ARGS...} on the test's data root. */
  static Transcript.Result images(String lang, String... args) {
    List<String> argv = new ArrayList<>(List.of("--data-root", t.root.toString(), "--lang", lang, "images"));
    argv.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(argv.toArray(String[]::new), InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Transcript.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @Order(1)
  void aMirrorThatCannotBeReachedIsOneLineAndLeavesNoImage() throws Exception {
    String mirror = "http://127.0.0.1:" + RegistryIT.freePort() + "/debian";
    Transcript.Result r = images("en", "add", "debian", "--mirror", mirror);
    assertEquals(1, r.status(), r.out() + r.err());
    // the first engine on a data root makes the base images first, and says so
    List<String> err = r.err().lines().filter(l -> !l.startsWith("Building the base images") && !l.startsWith("Made image"))
        .toList();
    assertEquals(List.of("docklab: cannot reach the Debian mirror " + mirror + ": connection refused (check the "
        + "network, or give another one with --mirror URL)"), err, r.err());
    Transcript.Result zh = images("zh", "add", "tomcat", "--mirror", mirror);
    assertEquals(1, zh.status());
    assertTrue(zh.err().contains("docklab：连不上 Debian 镜像站 " + mirror + "：connection refused"), zh.err());
    assertEquals("", t.run("docker images -q debian").out());
    assertEquals("", t.run("docker images -q tomcat").out());
  }

  @Test
  @Order(2)
  void debootstrapFailingHalfwayIsOneLineAndLeavesNoTreeNoMountNoImage() throws Exception {
    // a mirror that has the suite's Release but nothing else: debootstrap starts, then fails
    HttpServer mirror = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    mirror.createContext("/", x -> {
      boolean release = x.getRequestURI().getPath().equals("/debian/dists/bookworm/Release");
      x.sendResponseHeaders(release ? 200 : 404, release ? 0 : -1);
      x.close();
    });
    mirror.start();
    try {
      String url = "http://127.0.0.1:" + mirror.getAddress().getPort() + "/debian";
      Transcript.Result r = images("en", "add", "debian", "--mirror", url);
      assertEquals(1, r.status(), r.out() + r.err());
      List<String> err = r.err().lines().toList();
      assertEquals(1, err.size(), r.err());
      assertTrue(err.get(0).startsWith("docklab: debootstrap failed (exit status 1): "), r.err());
      assertTrue(r.out().contains("I: Retrieving"), "debootstrap's own lines are shown: " + r.out());
    } finally {
      mirror.stop(0);
    }
    Path tmp = t.root.resolve("tmp");
    try (var left = Files.exists(tmp) ? Files.list(tmp) : Stream.<Path>empty()) {
      assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("debootstrap-")).toList(),
          "the tree debootstrap began is gone");
    }
    assertFalse(Files.readString(Path.of("/proc/mounts")).contains(t.root.toString()), "nothing left mounted");
    assertEquals("", t.run("docker images -q debian").out());
  }

  @Test
  @Order(3)
  void debianIsAddedRunsAndComesBackFromTheHubAfterRmi() {
    long t0 = System.nanoTime();
    Transcript.Result add = images("en", "add", "debian");
    System.out.println("images add debian took " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
    assertEquals(0, add.status(), add.err());
    assertTrue(add.out().contains("docklab: added debian:bookworm, debian:12, debian:latest in "), add.out());
    assertTrue(add.out().contains("I: Base system installed successfully."), "debootstrap's own lines: " + add.out());

    Transcript.Result run = t.run("docker run --rm debian cat /etc/debian_version");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("12."), run.out());

    Transcript.Result search = t.run("docker search debian");
    assertTrue(search.out().lines().anyMatch(l -> l.startsWith("debian ") && l.contains("[OK]")), search.out());

    // the next engine (every t.run is one) finds it; then it goes and comes back from the hub
    assertEquals(0, t.run("docker rmi debian:bookworm debian:12 debian:latest").status());
    assertEquals("", t.run("docker images -q debian").out());
    Transcript.Result pull = t.run("docker pull debian:12");
    assertEquals(0, pull.status(), pull.err());
    run = t.run("docker run --rm debian:12 cat /etc/os-release");
    assertTrue(run.out().contains("VERSION_CODENAME=bookworm"), run.out());
    assertEquals(0, t.run("docker pull debian").status());
  }

  @Test
  @Order(4)
  void tomcatOnDebianAnswersOn8080AndLogsItsStart() throws Exception {
    long t0 = System.nanoTime();
    Transcript.Result add = images("zh", "add", "tomcat");
    System.out.println("images add tomcat took " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
    assertEquals(0, add.status(), add.out() + add.err());
    assertTrue(add.out().contains("docklab：已添加 tomcat:10、tomcat:10.1、tomcat:latest，用时 "), add.out());

    // search finds the repository; a tag in the term finds none, and that is explained in either language
    assertTrue(t.run("docker search tomcat").out().lines().anyMatch(l -> l.startsWith("tomcat ")));
    Transcript.Result tag = t.run("docker search tomcat:9.0");
    assertTrue(String.join(" ", tag.out().lines().toList()).contains("docker search finds repositories, not tags"),
        tag.out());
    tag = t.runIn("zh", "docker search tomcat:9.0");
    assertTrue(tag.out().contains("docker search 搜索的是仓库，不是标签"), tag.out());

    Transcript.Result search = t.run("docker search --no-trunc tomcat");
    assertTrue(search.out().contains("Debian's tomcat10 package"), search.out());
    Transcript.Result history = t.run("docker history --no-trunc tomcat");
    assertTrue(history.out().contains("apt-get install -y --no-install-recommends tomcat10"), history.out());
    assertTrue(history.out().contains("debootstrap --variant=minbase bookworm"), history.out());

    Transcript.Result run = t.run("docker run -d -p 8080 --name cat tomcat");
    assertEquals(0, run.status(), run.err());
    String port = t.run("docker port cat 8080").out().strip();
    String hostPort = port.substring(port.lastIndexOf(':') + 1);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpResponse<String> page = null;
    for (long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos(); System.nanoTime() < deadline; ) {
      try {
        page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + "/"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        break;
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
    assertTrue(page != null && page.statusCode() == 200, "Tomcat answers on " + port);
    assertTrue(page.body().contains("It works"), page.body());
    String logs = t.run("docker logs cat").out() + t.run("docker logs cat").err();
    assertTrue(logs.contains("Server startup in"), logs);
    assertFalse(logs.contains("SEVERE"), logs);
    assertEquals(0, t.run("docker rm -f cat").status());
  }
}
