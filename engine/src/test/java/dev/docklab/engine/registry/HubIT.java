package dev.docklab.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.TestEngines;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.RepositoryMeta;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.registry.hub.Hub;
import dev.docklab.engine.registry.hub.HubStore;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docklab's hub spoken to as a registry client would: the token flow, uploads in one request and in
 * chunks, mounts, manifests byte for byte, pages, errors in the spec's codes, refusals; and skopeo
 * (a real, independent client) copying an image in and out of it.
 */
class HubIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static Path root;
  static Hub hub;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    root = Files.createTempDirectory("docklab-hub-");
    hub = new Hub(root, null);
    hub.accounts().add("alice", "alice-pw", false);
    hub.accounts().add("admin", "admin-pw", true);
    base = "http://127.0.0.1:" + hub.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    hub.close();
    Trees.deleteRecursively(root);
  }

  static String token(String user, String password, String... scopes) throws Exception {
    StringBuilder url = new StringBuilder(base + "/token?service=docklab-hub");
    for (String s : scopes) {
      url.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString()));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).path("token").asText();
  }

  static HttpResponse<byte[]> call(String method, String path, String token, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String code(HttpResponse<byte[]> r) throws IOException {
    return JSON.readTree(r.body()).path("errors").path(0).path("code").asText();
  }

  @Test
  void theTokenFlowGatesEveryRequest() throws Exception {
    HttpResponse<byte[]> anonymous = call("GET", "/v2/", null, null);
    assertEquals(401, anonymous.statusCode());
    String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
    assertEquals("Bearer realm=\"" + base + "/token\",service=\"docklab-hub\"", challenge);
    assertEquals(200, call("GET", "/v2/", token(null, null), null).statusCode());

    HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base + "/token?service=docklab-hub"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:nope".getBytes())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, wrong.statusCode());
    assertEquals("{\"details\":\"incorrect username or password\"}", wrong.body());

    String anon = token(null, null, "repository:alice/app:pull,push");
    HttpResponse<byte[]> push = call("POST", "/v2/alice/app/blobs/uploads/", anon, null);
    assertEquals(401, push.statusCode());
    assertEquals("DENIED", code(push));
    assertTrue(push.headers().firstValue("WWW-Authenticate").orElse("")
        .endsWith(",scope=\"repository:alice/app:push\""));

    String alice = token("alice", "alice-pw", "repository:alice/app:pull,push", "repository:bob/app:pull,push");
    assertEquals(202, call("POST", "/v2/alice/app/blobs/uploads/", alice, null).statusCode());
    assertEquals("DENIED", code(call("POST", "/v2/bob/app/blobs/uploads/", alice, null)), "not her namespace");
    assertEquals("DENIED", code(call("POST", "/v2/library/app/blobs/uploads/", alice, null)), "nor library/");
    assertEquals("DENIED", code(call("POST", "/v2/alice/other/blobs/uploads/", alice, null)),
        "a token for one repository does not open another");
    String admin = token("admin", "admin-pw", "repository:library/app:pull,push");
    assertEquals(202, call("POST", "/v2/library/app/blobs/uploads/", admin, null).statusCode());

    String forged = alice.substring(0, alice.lastIndexOf('.') + 1) + "AAAA";
    assertEquals(401, call("GET", "/v2/", forged, null).statusCode());
  }

  @Test
  void uploadsInOneOrManyRequestsAreVerifiedAndManifestsKeptByteForByte() throws Exception {
    String t = token("alice", "alice-pw", "repository:alice/up:pull,push,delete", "repository:alice/other:pull,push");
    byte[] layer = "a layer's bytes, not really a tar".repeat(100).getBytes();
    Digest ld = Sha256.of(layer);
    HttpResponse<byte[]> start = call("POST", "/v2/alice/up/blobs/uploads/", t, null);
    assertEquals(202, start.statusCode());
    String loc = start.headers().firstValue("Location").orElseThrow();
    assertEquals("0-0", start.headers().firstValue("Range").orElseThrow());
    HttpResponse<byte[]> first = call("PATCH", loc, t, Arrays.copyOfRange(layer, 0, 1000),
        "Content-Range", "0-999", "Content-Type", "application/octet-stream");
    assertEquals(202, first.statusCode());
    assertEquals("0-999", first.headers().firstValue("Range").orElseThrow());
    assertEquals(416, call("PATCH", loc, t, new byte[10], "Content-Range", "5-14").statusCode(), "out of order");
    assertEquals("0-999", call("GET", loc, t, null).headers().firstValue("Range").orElseThrow());
    call("PATCH", loc, t, Arrays.copyOfRange(layer, 1000, layer.length));
    HttpResponse<byte[]> done = call("PUT", loc + "?digest=" + ld, t, null);
    assertEquals(201, done.statusCode());
    assertEquals(ld.toString(), done.headers().firstValue("Docker-Content-Digest").orElseThrow());
    HttpResponse<byte[]> got = call("GET", "/v2/alice/up/blobs/" + ld, t, null);
    assertEquals(200, got.statusCode());
    assertTrue(Arrays.equals(layer, got.body()));

    // one request: POST with the digest and the bytes; a wrong digest keeps nothing
    byte[] config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes();
    Digest cd = Sha256.of(config);
    assertEquals(201, call("POST", "/v2/alice/up/blobs/uploads/?digest=" + cd, t, config).statusCode());
    HttpResponse<byte[]> bad = call("POST", "/v2/alice/up/blobs/uploads/?digest=" + ld, t, "other".getBytes());
    assertEquals(400, bad.statusCode());
    assertEquals("DIGEST_INVALID", code(bad));
    assertFalse(Files.exists(root.resolve("blobs/sha256").resolve(Sha256.of("other".getBytes()).hex())));

    // an empty blob is served as one too (a blob is sent from a mapping of its file)
    Digest empty = Sha256.of(new byte[0]);
    assertEquals(201, call("POST", "/v2/alice/up/blobs/uploads/?digest=" + empty, t, new byte[0]).statusCode());
    HttpResponse<byte[]> none = call("GET", "/v2/alice/up/blobs/" + empty, t, null);
    assertEquals(200, none.statusCode());
    assertEquals("0", none.headers().firstValue("Content-Length").orElseThrow());
    assertEquals(0, none.body().length);

    // a manifest that names a missing blob is refused; a whole one is served back byte for byte
    String missing = manifest(cd, config.length, Sha256.of("nope".getBytes()), 4);
    HttpResponse<byte[]> refused = call("PUT", "/v2/alice/up/manifests/v1", t, missing.getBytes(),
        "Content-Type", MediaTypes.DOCKER_MANIFEST);
    assertEquals("MANIFEST_BLOB_UNKNOWN", code(refused));
    String malformed = missing.replace(Sha256.of("nope".getBytes()).toString(), "sha256:not-hex");
    HttpResponse<byte[]> invalid = call("PUT", "/v2/alice/up/manifests/v1", t, malformed.getBytes(),
        "Content-Type", MediaTypes.DOCKER_MANIFEST);
    assertEquals(400, invalid.statusCode());
    assertEquals("DIGEST_INVALID", code(invalid), "as Docker's registry says, not UNSUPPORTED");
    byte[] m = (manifest(cd, config.length, ld, layer.length) + "\n").getBytes();
    HttpResponse<byte[]> put = call("PUT", "/v2/alice/up/manifests/v1", t, m, "Content-Type", MediaTypes.DOCKER_MANIFEST);
    assertEquals(201, put.statusCode());
    Digest md = Sha256.of(m);
    assertEquals(md.toString(), put.headers().firstValue("Docker-Content-Digest").orElseThrow());
    HttpResponse<byte[]> back = call("GET", "/v2/alice/up/manifests/v1", t, null);
    assertTrue(Arrays.equals(m, back.body()), "byte for byte, trailing newline and all");
    assertEquals(MediaTypes.DOCKER_MANIFEST, back.headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<byte[]> head = call("HEAD", "/v2/alice/up/manifests/" + md, t, null);
    assertEquals(200, head.statusCode());
    assertEquals(String.valueOf(m.length), head.headers().firstValue("Content-Length").orElseThrow());
    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
        + MediaTypes.DOCKER_MANIFEST + "\",\"digest\":\"" + md + "\",\"size\":" + m.length
        + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}";
    assertEquals(201, call("PUT", "/v2/alice/up/manifests/multi", t, index.getBytes(),
        "Content-Type", MediaTypes.OCI_INDEX).statusCode());
    assertEquals(MediaTypes.OCI_INDEX, call("GET", "/v2/alice/up/manifests/multi", t, null).headers()
        .firstValue("Content-Type").orElseThrow());

    // mount into another repository of hers, then tags page by page
    HttpResponse<byte[]> mount = call("POST", "/v2/alice/other/blobs/uploads/?mount=" + ld + "&from=alice/up", t, null);
    assertEquals(201, mount.statusCode());
    String t2 = token("alice", "alice-pw", "repository:alice/other:pull");
    assertEquals(200, call("HEAD", "/v2/alice/other/blobs/" + ld, t2, null).statusCode());
    HttpResponse<byte[]> page1 = call("GET", "/v2/alice/up/tags/list?n=1", t, null);
    assertEquals("{\"name\":\"alice/up\",\"tags\":[\"multi\"]}", new String(page1.body()));
    assertEquals("</v2/alice/up/tags/list?n=1&last=multi>; rel=\"next\"",
        page1.headers().firstValue("Link").orElseThrow());
    assertEquals("{\"name\":\"alice/up\",\"tags\":[\"v1\"]}",
        new String(call("GET", "/v2/alice/up/tags/list?n=1&last=multi", t, null).body()));
    String catalog = new String(call("GET", "/v2/_catalog", token(null, null, "registry:catalog:*"), null).body());
    assertTrue(catalog.contains("\"alice/up\""), catalog);

    // cancel, unknown things, bad names
    String loc2 = call("POST", "/v2/alice/up/blobs/uploads/", t, null).headers().firstValue("Location").orElseThrow();
    assertEquals(204, call("DELETE", loc2, t, null).statusCode());
    assertEquals("BLOB_UPLOAD_UNKNOWN", code(call("GET", loc2, t, null)));
    assertEquals("MANIFEST_UNKNOWN", code(call("GET", "/v2/alice/up/manifests/nosuch", t, null)));
    assertEquals("NAME_UNKNOWN", code(call("GET", "/v2/alice/nothing/manifests/latest",
        token(null, null, "repository:alice/nothing:pull"), null)));
    assertEquals("NAME_INVALID", code(call("GET", "/v2/Alice/UP/manifests/v1", t, null)));
    assertEquals("BLOB_UNKNOWN", code(call("GET", "/v2/alice/up/blobs/" + Sha256.of("x".getBytes()), t, null)));
    assertEquals(202, call("DELETE", "/v2/alice/up/manifests/" + md, t, null).statusCode());
    assertEquals("MANIFEST_UNKNOWN", code(call("GET", "/v2/alice/up/manifests/v1", t, null)), "its tags went too");
  }

  @Test
  void abandonedUploadsAreGoneAfterARestart() throws Exception {
    Path other = Files.createTempDirectory("docklab-hub2-");
    try (Hub h = new Hub(other, null)) {
      h.accounts().add("carol", "carol-pw", false);
      h.store().startUpload("carol/app");
      h.store().startUpload("carol/app");
      try (Stream<Path> s = Files.list(other.resolve("uploads"))) {
        assertEquals(2, s.count());
      }
      h.start("127.0.0.1", 0);
      try (Stream<Path> s = Files.list(other.resolve("uploads"))) {
        assertEquals(0, s.count());
      }
      // while it runs, an upload with no bytes for an hour is abandoned; a recent one stays
      String old = h.store().startUpload("carol/app");
      String fresh = h.store().startUpload("carol/app");
      Files.setLastModifiedTime(other.resolve("uploads").resolve(old).resolve("data"),
          FileTime.from(Instant.now().minus(Hub.ABANDONED).minusSeconds(60)));
      assertEquals(1, h.store().purgeUploads(Instant.now().minus(Hub.ABANDONED)));
      assertFalse(Files.exists(other.resolve("uploads").resolve(old)));
      assertTrue(Files.exists(other.resolve("uploads").resolve(fresh)));
    } finally {
      Trees.deleteRecursively(other);
    }
  }

  @Test
  void searchAnswersAsDockerHub() throws Exception {
    hub.store().setMeta("library/busybox", new RepositoryMeta("BusyBox base", 7, true,
        false));
    String t = token("admin", "admin-pw", "repository:library/busybox:pull,push");
    byte[] config = "{}".getBytes();
    call("POST", "/v2/library/busybox/blobs/uploads/?digest=" + Sha256.of(config), t, config);
    call("PUT", "/v2/library/busybox/manifests/latest", t, manifestWithoutLayers(config).getBytes(),
        "Content-Type", MediaTypes.DOCKER_MANIFEST);
    JsonNode r = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/search?q=busy&n=10")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertEquals(1, r.path("num_results").asInt());
    JsonNode first = r.path("results").path(0);
    assertEquals("busybox", first.path("name").asText());
    assertEquals(7, first.path("star_count").asInt());
    assertTrue(first.path("is_official").asBoolean());
  }

  @Test
  void skopeoCopiesAnImageInAndOut() throws Exception {
    Path data = TestEngines.newDataRoot();
    Engine engine = TestEngines.open(data);
    Path work = Files.createTempDirectory("docklab-skopeo-");
    try {
      engine.system().ensureBaseImages();
      Path tar = work.resolve("busybox.tar");
      try (var out = Files.newOutputStream(tar)) {
        engine.images().save(List.of("busybox:latest"), out);
      }
      String dest = "docker://" + base.substring(7) + "/library/busybox:copied";
      run("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "admin:admin-pw", "docker-archive:" + tar, dest);
      String inspect = run("skopeo", "inspect", "--tls-verify=false", dest);
      assertTrue(inspect.contains("\"Name\": \"" + base.substring(7) + "/library/busybox\""), inspect);
      assertTrue(inspect.contains("\"copied\""), inspect);
      run("skopeo", "copy", "--src-tls-verify=false", dest, "oci:" + work.resolve("oci") + ":back");
      assertTrue(Files.exists(work.resolve("oci/index.json")));
      String denied = runStatus("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "alice:alice-pw",
          "docker-archive:" + tar, "docker://" + base.substring(7) + "/library/busybox:nope");
      assertTrue(denied.contains("denied"), denied);
    } finally {
      TestEngines.destroy(engine, data);
      Trees.deleteRecursively(work);
    }
  }

  static String manifest(Digest config, long configSize, Digest layer, long layerSize) {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.docker.container.image.v1+json\",\"size\":" + configSize + ",\"digest\":\"" + config
        + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":" + layerSize
        + ",\"digest\":\"" + layer + "\"}]}";
  }

  static String manifestWithoutLayers(byte[] config) {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length + ",\"digest\":\""
        + Sha256.of(config) + "\"},\"layers\":[]}";
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    return out;
  }

  static String runStatus(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertNotNull(out);
    assertTrue(p.waitFor() != 0, "expected a failure: " + out);
    return out;
  }
}
