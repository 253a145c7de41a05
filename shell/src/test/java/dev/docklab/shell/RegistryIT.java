package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.layer.ParallelGzip;
import dev.docklab.engine.registry.hub.Hub;
import dev.docklab.engine.registry.hub.HubStore;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registries as a tutorial uses them: search the hub, log in, push into your namespace, remove the
 * image, pull it back and run it; Docker Hub names through the mirror (docklab's hub, started on
 * demand); and Debian's reference registry as a second, independent server.
 */
class RegistryIT {
  static Transcript t;
  static Path config;
  static int port;
  static String hub;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-reg-"));
    config = Files.createTempDirectory("docklab-cfg-");
    System.setProperty("docklab.config", config.toString());
    port = freePort();
    hub = "localhost:" + port;
    Files.writeString(t.root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + port + "\"}");
    assertEquals(0, registry(List.of("user", "add", "alice", "--password-stdin"), "alice-secret\n"));
    assertEquals(0, registry(List.of("user", "add", "carol", "--password-stdin"), "carol-secret\n"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(config);
    System.clearProperty("docklab.config");
    try (ServerSocket s = new ServerSocket(port)) {
      assertTrue(s.isBound(), "the hub stopped with the engine");
    }
  }

  static int registry(List<String> args, String stdin) {
    List<String> argv = new ArrayList<>(List.of("--data-root", t.root.toString(), "registry"));
    argv.addAll(args);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return Main.run(argv.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void searchShowsTheHubsOfficialImagesAsDockerHubDoes() {
    Transcript.Result r = t.run("docker search busybox");
    List<String> lines = r.out().lines().toList();
    assertEquals("NAME              DESCRIPTION                                     STARS     OFFICIAL   AUTOMATED",
        lines.get(0), r.err());
    assertEquals("busybox           BusyBox: the Swiss Army knife of embedded Li…   3300      [OK]", lines.get(1));
    assertTrue(lines.get(4).matches("docklab/toolbox +Stand-in for a small Linux toolbox \\(busybox'… +6 +\\[OK\\]"),
        lines.get(4));
    assertTrue(t.run("docker search --no-trunc busybox").out().contains("built offline from busybox-static"));
    assertEquals(List.of("NAME", "busybox"), names(t.run("docker search --filter=stars=100 busybox")),
        "the catalogue's stars");
    assertEquals(List.of("NAME", "busybox", "web", "docklab/httpd"), names(t.run("docker search --filter=stars=10 b")));
    assertEquals(List.of("NAME", "busybox", "web"), names(t.run("docker search --filter=is-official=true busybox")),
        "the name or the description matches, as on Docker Hub");
    assertEquals(List.of("NAME", "docklab/httpd", "docklab/toolbox"),
        names(t.run("docker search --filter=is-automated=true busybox")), "the stand-ins are automated builds");
    assertEquals(List.of("NAME", "docklab/httpd"),
        names(t.run("docker search --filter=is-automated=true --filter=stars=10 httpd")));
    assertTrue(t.run("docker search web").out().lines()
        .anyMatch(l -> l.matches("web +A tiny web server for the lessons: busybox h… +48 +\\[OK\\]")));
    assertEquals(2, t.run("docker search --limit 1 b").out().lines().count());
    assertEquals("Error response from daemon: limit 0 is outside the range of [1, 100]\n",
        t.run("docker search --limit 0 busybox").err());
    assertTrue(t.run("docker search --filter=color=red busybox").err().contains("invalid filter 'color'"));
    assertEquals("busybox\t[OK]\n", t.run("docker search --format '{{.Name}}\t{{.IsOfficial}}' --limit 1 busybox").out());
    Transcript.Result tags = t.run("docker pull -a -q busybox");
    assertEquals(List.of("1", "1.35", "1.35.0", "glibc", "latest", "stable"), tags.out().lines()
        .map(l -> l.substring(l.lastIndexOf(':') + 1)).toList(), "several tags: " + tags.err());
    Transcript.Result toolbox = t.run("docker pull -a -q docklab/toolbox");
    assertEquals(3, toolbox.out().lines().count(), toolbox.err());
    assertEquals(0, registry(List.of("meta", "busybox", "--stars", "5000"), ""));
    assertTrue(t.run("docker search --filter=stars=100 busybox").out().lines()
        .anyMatch(l -> l.matches("busybox +BusyBox.* +5000 +\\[OK\\]")), "a teacher sets the stars, and they stay");
  }

  private static List<String> names(Transcript.Result r) {
    return r.out().lines().map(l -> l.split(" ")[0]).toList();
  }

  @Test
  void aLearnerSignsUpFromTheReplUnlessDaemonJsonTurnsItOff() throws Exception {
    Transcript.Result r = t.run("docklab registry signup dora --password-stdin", "dora-secret\n".getBytes());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Account dora made on docklab's hub (127.0.0.1:" + port + ")"), r.out());
    assertFalse(r.out().contains("dora-secret") || r.err().contains("dora-secret"), "the password is never shown");
    Transcript.Result login = t.run("docker login -u dora --password-stdin " + hub, "dora-secret\n".getBytes());
    assertEquals(0, login.status(), login.err());
    Transcript.Result again = t.run("docklab registry signup dora --password-stdin", "other-secret\n".getBytes());
    assertEquals(1, again.status());
    assertTrue(again.err().contains("the user dora already exists"), again.err());
    Transcript.Result typed = t.run("docklab registry signup", "eve\neve-secret\neve-secrex\n".getBytes());
    assertEquals(1, typed.status());
    assertTrue(typed.err().contains("the two passwords differ"), typed.err());
    Transcript.Result typedZh = t.runIn("zh", "docklab registry signup", "eve\neve-secret\neve-secrex\n".getBytes());
    assertTrue(typedZh.out().contains("用户名：") && typedZh.out().contains("密码：")
        && typedZh.out().contains("再输入一次密码："), typedZh.out());
    assertFalse(typedZh.out().contains("Password") || typedZh.out().contains("Username"), typedZh.out());
    Path daemon = t.root.resolve("daemon.json");
    String before = Files.readString(daemon);
    try {
      Files.writeString(daemon, "{\"hub\": \"127.0.0.1:" + port + "\", \"hub-signup\": false}");
      Transcript.Result off = t.run("docklab registry signup erin --password-stdin", "erin-secret\n".getBytes());
      assertEquals(1, off.status());
      assertTrue(off.err().contains("sign-up is turned off on this hub"), off.err());
      Transcript.Result zh = new Transcript(t.root).runIn("zh", "docklab registry signup erin");
      assertTrue(zh.err().contains("这个镜像仓库关闭了注册"), zh.err());
    } finally {
      Files.writeString(daemon, before);
    }
  }

  @Test
  void aTeacherAddsAClassFromAFileAllOrNothingWithLineNumbers() throws Exception {
    Path csv = Files.createTempFile(config, "class", ".csv");
    Files.writeString(csv, "name,password\nfred,fred-secret\ngina\nHank,hank-secret\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--data-root", t.root.toString(), "--lang", "en", "registry", "user", "add",
        "--from-file", csv.toString()}, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    String said = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, said);
    assertTrue(said.contains(csv + ":3: expected name,password"), said);
    assertTrue(said.contains(csv + ":4: invalid user name \"Hank\""), said);
    assertFalse(said.contains("secret"), "no password is shown: " + said);
    assertFalse(t.run("docker login -u fred --password-stdin " + hub, "fred-secret\n".getBytes()).status() == 0,
        "nothing was added");
    Files.writeString(csv, "fred,fred-secret\ngina,gina-secret\n");
    out.reset();
    status = Main.run(new String[] {"--data-root", t.root.toString(), "--lang", "en", "registry", "user", "add",
        "--from-file", csv.toString()}, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    said = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, said);
    assertTrue(said.startsWith("added 2 account(s): fred, gina"), said);
    assertFalse(said.contains("secret"), said);
    assertEquals(0, t.run("docker login -u gina --password-stdin " + hub, "gina-secret\n".getBytes()).status());
  }

  @Test
  void searchForATagSaysSearchFindsRepositories() {
    Transcript.Result r = t.run("docker search tomcat:9.0");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("NAME "), "Docker's table first: " + r.out());
    assertTrue(String.join(" ", lines).contains("docker search finds repositories, not tags: search for tomcat, then "
        + "pull the tag you want (docker pull tomcat:9.0)"), r.out());
    assertFalse(t.run("docker search busybox").out().contains("not tags"), "only after a tag");
  }

  @Test
  void pullingWhatTheHubLacksSaysWhatItHasAndWhatToUseInstead() {
    Transcript.Result r = t.run("docker pull centos:6.8");
    assertEquals(1, r.status());
    List<String> err = r.err().lines().toList();
    assertTrue(err.get(0).startsWith("Error response from daemon: pull access denied for centos, repository does not "
        + "exist or may require 'docker login'"), "Docker's line first: " + r.err());
    String note = String.join(" ", err.subList(1, err.size()));
    assertTrue(note.contains("docklab's hub works offline and has no centos; it holds busybox, web, docklab/httpd, "
        + "docklab/toolbox"), note);
    assertTrue(note.contains("Instead, use busybox"), note);
    assertTrue(t.run("docker pull tomcat").err().contains("Instead, use web"));
    Transcript.Result run = t.run("docker run nginx");
    assertEquals(125, run.status());
    assertTrue(run.err().contains("Instead, use web"), run.err());
    Transcript.Result zh = new Transcript(t.root).runIn("zh", "docker pull centos:6.8");
    assertTrue(zh.err().contains("docklab 的 hub（仓库注册服务器）离线工作，没有 centos"), zh.err());
  }

  @Test
  void aBlobThatDoesNotMatchItsDigestIsRefusedAndLeavesNoHalfImage() throws Exception {
    t.run("docker search web"); // the hub holds library/web from the bootstrap
    String manifest = Files.readString(t.root.resolve("registry/repositories/library/web/_tags/latest")).strip();
    var m = new ObjectMapper().readTree(
        t.root.resolve("registry/blobs/sha256").resolve(manifest.substring(7)).toFile());
    var layers = m.path("layers");
    String top = layers.path(layers.size() - 1).path("digest").asText();
    Path blob = t.root.resolve("registry/blobs/sha256").resolve(top.substring(7));
    byte[] good = Files.readAllBytes(blob);
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 1;
    t.run("docker tag web keep-web2");
    t.run("docker rmi web");
    String leftFromTheImage = t.run("docker rmi keep-web2").out();
    try {
      Files.write(blob, bad);
      Transcript.Result pull = t.run("docker pull web");
      assertEquals(1, pull.status());
      assertTrue(pull.err().contains("filesystem layer verification failed for digest " + top), pull.err());
      assertEquals("", t.run("docker images -q web").out(), "no half image");
      assertFalse(Files.exists(t.root.resolve("blobs/sha256").resolve(top.substring(7))), "nor the bad blob");
    } finally {
      Files.write(blob, good);
    }
    Transcript.Result again = t.run("docker pull web");
    assertEquals(0, again.status(), again.err());
    assertTrue(again.out().contains("Status: Downloaded newer image for web:latest"), again.out());
    assertTrue(leftFromTheImage.contains("Deleted: "), leftFromTheImage);
  }

  @Test
  void theTutorialsRoundTrip() throws Exception {
    String repo = hub + "/alice/web";
    assertEquals(0, t.run("docker tag web " + repo + ":v1").status());
    Transcript.Result anonymous = t.run("docker push " + repo + ":v1");
    assertEquals(1, anonymous.status());
    assertTrue(anonymous.err().contains("denied: requested access to the resource is denied"), anonymous.err());

    Transcript.Result wrong = t.run("docker login -u alice --password-stdin " + hub, "nope\n".getBytes());
    assertEquals(1, wrong.status());
    assertTrue(wrong.err().contains("unauthorized: incorrect username or password"), wrong.err());
    Transcript.Result login = t.run("echo alice-secret | docker login -u alice --password-stdin " + hub);
    assertEquals("Login Succeeded\n", login.out(), login.err());
    assertTrue(login.err().startsWith("WARNING! Your password will be stored unencrypted in "
        + config.resolve("config.json") + "."), login.err());
    String stored = Files.readString(config.resolve("config.json"));
    assertTrue(stored.contains("\"" + hub + "\"") && stored.contains("\"auth\""), stored);
    assertFalse(stored.contains("alice-secret"), "base64, as Docker's");

    Transcript.Result push = t.run("docker push " + repo + ":v1");
    assertEquals(0, push.status(), push.err());
    assertTrue(push.out().startsWith("The push refers to repository [" + repo + "]\n"), push.out());
    assertTrue(push.out().contains(": Pushed\n"), push.out());
    assertTrue(push.out().matches("(?s).*\nv1: digest: sha256:[0-9a-f]{64} size: \\d+\n"), push.out());
    // the layers leave compressed (docklab keeps its own uncompressed): gzip-compressed blobs on the hub
    var pushed = new ObjectMapper().readTree(new HubStore(t.root.resolve("registry")).manifest("alice/web", "v1").bytes());
    var local = new ObjectMapper().readTree(Files.readAllBytes(t.root.resolve("blobs/sha256").resolve(
        t.run("docker inspect -f '{{.Id}}' web").out().strip().substring(7))));
    assertEquals(local.path("rootfs").path("diff_ids").size(), pushed.path("layers").size());
    for (var layer : pushed.path("layers")) {
      try (InputStream blob = new HubStore(t.root.resolve("registry")).openBlob("alice/web",
          Digest.parse(layer.path("digest").asText()))) {
        assertFalse(ParallelGzip.isStored(blob), "compressed on the hub: " + layer);
      }
    }
    Path twins = t.root.resolve("distribution/gzip");
    long recorded = Files.list(twins).count();
    assertTrue(recorded > 0, "each compressed layer's digest is recorded beside the stored one");
    FileTime before = Files.getLastModifiedTime(Files.list(twins).findFirst().orElseThrow());
    assertTrue(t.run("docker push " + repo + ":v1").out().contains(": Layer already exists\n"));
    assertEquals(before, Files.getLastModifiedTime(Files.list(twins).findFirst().orElseThrow()),
        "the second push compresses nothing again");
    t.run("docker tag busybox " + hub + "/alice/hello");
    assertTrue(t.run("docker push " + hub + "/alice/hello").out().contains(": Mounted from alice/web\n"),
        "busybox's layers are in alice/web already");

    t.run("docker tag busybox " + hub + "/bob/x");
    assertTrue(t.run("docker push " + hub + "/bob/x").err().contains("denied"), "only her own namespace");

    String id = t.run("docker inspect -f '{{.Id}}' web").out().strip();
    t.run("docker rmi " + repo + ":v1 web");
    assertNotEquals(0, t.run("docker inspect " + id).status(), "the image is gone");
    Transcript.Result pull = t.run("docker pull " + repo + ":v1; explain last");
    assertEquals(0, pull.status(), pull.err());
    assertTrue(pull.out().startsWith("v1: Pulling from alice/web\n"), pull.out());
    assertTrue(pull.out().contains(": Already exists\n") && pull.out().contains(": Pull complete\n"), pull.out());
    assertTrue(pull.out().contains("Status: Downloaded newer image for " + repo + ":v1\n" + repo + ":v1\n"),
        pull.out());
    // explain last replays the protocol: the challenge, the token, the manifest, the blobs (wrapped to the
    // width, so compared without the white space)
    String trace = pull.out().replaceAll("\\s", "");
    for (String step : List.of("GET /v2/alice/web/manifests/v1 -> 401 (Bearer realm=",
        "GET /token?service=docklab-hub&scope=repository:alice/web:pull", "GET /v2/alice/web/manifests/v1 -> 200 (sha256:",
        "GET /v2/alice/web/blobs/sha256:")) {
      assertTrue(trace.contains(step.replace(" ", "")), step + " in:\n" + pull.out());
    }
    assertEquals(id + "\n", t.run("docker inspect -f '{{.Id}}' " + repo + ":v1").out(), "the same image id");
    assertTrue(t.run("docker images " + repo).out().contains(repo + "   v1 "));
    String digest = push.out().substring(push.out().indexOf("digest: ") + 8, push.out().indexOf(" size:"));
    assertEquals("[\"" + repo + "@" + digest + "\"]\n", t.run("docker inspect -f '{{json .RepoDigests}}' " + repo + ":v1").out());
    assertTrue(t.run("docker images --digests " + repo).out().contains(" v1        " + digest + " "),
        t.run("docker images --digests " + repo).out());
    assertEquals("by digest\n", t.run("docker run --rm " + repo + "@" + digest + " echo by digest").out());
    assertTrue(t.run("docker run --rm " + repo + ":v1 cat /www/index.html").out().contains("docklab's web image"));
    assertEquals("Removing login credentials for " + hub + "\n", t.run("docker logout " + hub).out());
    assertFalse(Files.readString(config.resolve("config.json")).contains(hub));
    Transcript.Result missing = t.run("docker pull " + repo + ":nosuch");
    assertTrue(missing.err().contains("manifest for " + repo + ":nosuch not found: manifest unknown: manifest unknown"),
        missing.err());
    t.run("docker tag " + repo + ":v1 web");
  }

  @Test
  void guessingAPasswordIsThrottledInDockerHubsWords() {
    // one line, so that every guess goes to the same hub (the REPL's, started on the first login)
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      line.append("docker login -u carol -p guess").append(i).append(' ').append(hub).append("; ");
    }
    Transcript.Result r = t.run(line + "docker login -u carol -p carol-secret " + hub);
    assertEquals(1, r.status(), r.out());
    List<String> errors = r.err().lines().filter(l -> l.startsWith("Error response from daemon: ")).toList();
    assertEquals(6, errors.size(), r.err());
    for (String wrong : errors.subList(0, 5)) {
      assertEquals("Error response from daemon: Get \"http://" + hub + "/v2/\": unauthorized: incorrect username or "
          + "password", wrong);
    }
    assertTrue(errors.get(5).matches("Error response from daemon: Get \"http://" + hub + "/v2/\": toomanyrequests: "
        + "too many failed login attempts for this user name or address: try again in \\d+ seconds?"), errors.get(5));
  }

  @Test
  void dockerHubNamesComeThroughTheMirror() {
    t.run("docker tag web keep-web");
    t.run("docker rmi web");
    Transcript.Result run = t.run("docker run --rm web cat /www/index.html");
    assertTrue(run.err().startsWith("Unable to find image 'web:latest' locally\n"), run.err());
    assertTrue(run.out().contains("docklab's web image"), run.out());
    Transcript.Result pull = t.run("docker pull busybox");
    assertTrue(pull.out().contains("Status: Image is up to date for busybox:latest\n"), pull.out());
    // untagged while another tag keeps the image: the pull re-creates the tag, which Docker calls newer
    t.run("docker tag busybox keep-busybox");
    t.run("docker rmi busybox");
    Transcript.Result again = t.run("docker pull busybox");
    assertTrue(again.out().contains("latest: Pulling from library/busybox\n"), again.out());
    assertTrue(again.out().contains("Status: Downloaded newer image for busybox:latest\n"), again.out());
    t.run("docker rmi keep-busybox");
    // a manifest list (OCI index) is resolved to the linux/amd64 image, as Docker does on this machine
    String webId = t.run("docker inspect -f '{{.Id}}' web").out().strip();
    assertTrue(webId.startsWith("sha256:"));
    try {
      var store = new HubStore(t.root.resolve("registry"));
      var m = store.manifest("library/web", "latest");
      String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
          + "{\"mediaType\":\"" + m.mediaType() + "\",\"digest\":\"" + m.digest() + "\",\"size\":" + m.bytes().length
          + ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}},"
          + "{\"mediaType\":\"" + m.mediaType() + "\",\"digest\":\"" + m.digest() + "\",\"size\":" + m.bytes().length
          + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}";
      Digest indexDigest = store.putManifest("library/web", "multi", null, index.getBytes());
      Transcript.Result multi = t.run("docker pull web:multi");
      assertEquals(0, multi.status(), multi.err());
      assertTrue(multi.out().contains("Digest: " + indexDigest + "\n"), multi.out());
      assertEquals(webId + "\n", t.run("docker inspect -f '{{.Id}}' web:multi").out());
      t.run("docker rmi web:multi");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Transcript.Result none = t.run("docker pull nosuchimage");
    assertEquals("Error response from daemon: pull access denied for nosuchimage, repository does not exist or may "
        + "require 'docker login': denied: requested access to the resource is denied",
        none.err().lines().findFirst().orElse(""), "Docker's line, then docklab's note on what the hub holds");
    assertTrue(none.err().contains("has no nosuchimage; it holds busybox,"), none.err());
    t.run("docker rmi keep-web");
  }

  @Test
  void zstdAndUncompressedLayersArePulledToo() throws Exception {
    // an image with a layer of its own (busybox's layers would be "Already exists")
    t.run("docker run --name zsrc busybox sh -c 'echo made > /made.txt'");
    t.run("docker commit zsrc zsrc:v1");
    t.run("docker rm zsrc");
    Path work = Files.createTempDirectory("docklab-zstd-");
    try (var side = new Hub(t.root.resolve("registry"), null)) {
      side.accounts().add("admin", "admin-pw", true);
      String at = "127.0.0.1:" + side.start("127.0.0.1", 0);
      Path archive = work.resolve("zsrc.tar");
      assertEquals(0, t.run("docker save -o " + archive + " zsrc:v1").status());
      Process p = new ProcessBuilder("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "admin:admin-pw",
          "--dest-compress-format", "zstd", "docker-archive:" + archive, "docker://" + at + "/library/zstd:latest")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), out);
      // the same image with its layers as plain tars, as a registry may hold them
      Path x = Files.createDirectories(work.resolve("x"));
      assertEquals(0, new ProcessBuilder("tar", "-xf", archive.toString(), "-C", x.toString()).start().waitFor());
      var mapper = new ObjectMapper();
      var entry = mapper.readTree(x.resolve("manifest.json").toFile()).path(0);
      var store = side.store();
      byte[] config = Files.readAllBytes(x.resolve(entry.path("Config").asText()));
      store.importBlob("library/plain", Sha256.of(config), new ByteArrayInputStream(config));
      StringBuilder layers = new StringBuilder();
      for (var l : entry.path("Layers")) {
        byte[] tar = Files.readAllBytes(x.resolve(l.asText()));
        Digest d = Sha256.of(tar);
        store.importBlob("library/plain", d, new ByteArrayInputStream(tar));
        layers.append(layers.length() == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar\",")
            .append("\"size\":").append(tar.length).append(",\"digest\":\"").append(d).append("\"}");
      }
      String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
          + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length
          + ",\"digest\":\"" + Sha256.of(config) + "\"},\"layers\":[" + layers + "]}";
      store.putManifest("library/plain", "latest", null, manifest.getBytes());
    } finally {
      Trees.deleteRecursively(work);
    }
    t.run("docker rmi zsrc:v1");
    for (String name : List.of("zstd", "plain")) {
      Transcript.Result pull = t.run("docker pull " + name);
      assertEquals(0, pull.status(), pull.err());
      assertTrue(pull.out().contains(": Pull complete\n"), "its own layer was unpacked: " + pull.out());
      assertEquals("made\n", t.run("docker run --rm " + name + " cat /made.txt").out());
      t.run("docker rmi " + name);
    }
  }

  @Test
  void somethingElseOnTheHubsAddressIsNamed() throws Exception {
    var other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    other.start();
    Transcript side = new Transcript(Files.createTempDirectory("docklab-reg2-"));
    try {
      Files.writeString(side.root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + other.getAddress().getPort()
          + "\"}");
      Transcript.Result r = side.run("docker search busybox");
      assertTrue(r.err().contains("something else than a registry answers on 127.0.0.1:" + other.getAddress().getPort()),
          r.err());
    } finally {
      other.stop(0);
      side.destroy();
    }
  }

  @Test
  void debiansReferenceRegistryTakesPushesAndPulls() throws Exception {
    int rport = freePort();
    Path storage = Files.createTempDirectory("docklab-distribution-");
    Path conf = storage.resolve("config.yml");
    Files.writeString(conf, "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: " + storage.resolve("data")
        + "\nhttp:\n  addr: 127.0.0.1:" + rport + "\n");
    Process registry = new ProcessBuilder("docker-registry", "serve", conf.toString())
        .redirectErrorStream(true).redirectOutput(storage.resolve("log").toFile()).start();
    try {
      waitForPort(rport);
      String ref = "127.0.0.1:" + rport + "/team/app:v1";
      t.run("docker tag busybox " + ref);
      Transcript.Result push = t.run("docker push " + ref);
      assertEquals(0, push.status(), push.err() + Files.readString(storage.resolve("log")));
      assertTrue(push.out().contains("v1: digest: sha256:"), push.out());
      t.run("docker rmi " + ref);
      Transcript.Result pull = t.run("docker pull " + ref);
      assertEquals(0, pull.status(), pull.err());
      assertEquals("hi\n", t.run("docker run --rm " + ref + " echo hi").out());
    } finally {
      registry.destroy();
      registry.waitFor();
      Trees.deleteRecursively(storage);
    }
  }

  static void waitForPort(int port) throws Exception {
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the registry did not start on " + port);
  }
}
