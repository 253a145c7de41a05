package dev.docklab.engine.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.image.StoreSweep;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.NoopPosix;
import dev.docklab.engine.layer.TarBuilder;
import dev.docklab.engine.registry.MediaTypes;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Leases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code docker pull} against a registry on 127.0.0.1 (the JDK's HTTP server, serving canned manifests
 * and blobs) into a real store in a temp directory: what is fetched, what is skipped, what is refused,
 * and the registry's errors as Docker words them. Layers are unpacked without root (a no-op Posix).
 */
class TransfersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  private static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  @TempDir
  Path root;
  FakeRegistry registry;
  Layout layout;
  BlobStore blobs;
  LayerStore layers;
  ImageStore images;
  Leases leases;
  Credentials credentials;
  Transfers transfers;
  Recorded progress;

  @BeforeEach
  void open() throws IOException {
    registry = new FakeRegistry();
    layout = new Layout(root.resolve("data"));
    blobs = new BlobStore(layout);
    layers = new LayerStore(layout, new NoopPosix());
    images = new ImageStore(layout, blobs, layers);
    credentials = new Credentials(root.resolve("config/config.json"));
    RegistryClient client = new RegistryClient(new RegistryConfig(List.of(), List.of(), null), credentials, null);
    transfers = new Transfers(client, blobs, layers, images, new Sources(layout.root().resolve("distribution")),
        leases = new Leases(layout), layout.compressedTwins(), layout.tmp());
    progress = new Recorded();
  }

  @AfterEach
  void close() {
    registry.close();
  }

  // ---- canned images

  /** A gzipped layer tar holding one file, as a registry serves it. */
  record Layer(byte[] blob, Digest digest, Digest diffId) {
    static Layer of(String file, String content) {
      return of(new TarBuilder(Instant.EPOCH).file(file, 0644, content).toBytes());
    }

    static Layer of(byte[] tar) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(tar);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] blob = gz.toByteArray();
      return new Layer(blob, Sha256.of(blob), Sha256.of(tar));
    }
  }

  /** An image as a registry stores it: its config blob and its manifest. */
  record Stored(byte[] config, Digest configDigest, byte[] manifest, Digest manifestDigest, String mediaType,
      List<Layer> layers) {}

  private static Stored image(String mediaType, List<String> diffIds, Layer... layers) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", "amd64");
    config.put("os", "linux");
    config.put("created", "2024-05-01T10:00:00Z");
    config.put("config", Map.of("Cmd", List.of("/bin/sh")));
    config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
    byte[] configBytes = bytes(config);
    boolean oci = mediaType.equals(MediaTypes.OCI_MANIFEST);
    List<Map<String, Object>> descs = new ArrayList<>();
    for (Layer l : layers) {
      descs.add(Map.of("mediaType", oci ? OCI_LAYER : LAYER_GZIP, "size", l.blob().length,
          "digest", l.digest().toString()));
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", mediaType);
    manifest.put("config", Map.of("mediaType", oci ? "application/vnd.oci.image.config.v1+json"
        : "application/vnd.docker.container.image.v1+json", "size", configBytes.length,
        "digest", Sha256.of(configBytes).toString()));
    manifest.put("layers", descs);
    byte[] manifestBytes = bytes(manifest);
    return new Stored(configBytes, Sha256.of(configBytes), manifestBytes, Sha256.of(manifestBytes), mediaType,
        List.of(layers));
  }

  private static Stored image(Layer... layers) {
    return image(MediaTypes.DOCKER_MANIFEST, List.of(layers).stream().map(l -> l.diffId().toString()).toList(),
        layers);
  }

  private static byte[] bytes(Object json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts an image's blobs in {@code repo} and its manifest under its digest and {@code tag}. */
  private void push(String repo, String tag, Stored img) {
    registry.blob(repo, img.configDigest(), img.config());
    for (Layer l : img.layers()) {
      registry.blob(repo, l.digest(), l.blob());
    }
    registry.manifest(repo, img.manifestDigest().toString(), img.mediaType(), img.manifest());
    registry.manifest(repo, tag, img.mediaType(), img.manifest());
  }

  private ImageReference ref(String repoAndTag) {
    return ImageReference.parse(registry.host() + "/" + repoAndTag);
  }

  private Pulled pull(String repoAndTag) {
    return transfers.pull(ref(repoAndTag), progress);
  }

  @Nested
  class Pulls {
    @Test
    void aTaggedImageLandsInTheStoreUnderItsTagAndDigest() throws IOException {
      Layer base = Layer.of("etc/os-release", "ID=docklab\n");
      Layer app = Layer.of("app.sh", "echo hello\n");
      Stored img = image(base, app);
      push("team/app", "1.0", img);

      Pulled pulled = pull("team/app:1.0");

      assertTrue(pulled.downloaded());
      assertEquals(img.manifestDigest(), pulled.digest(), "the digest Docker prints after a pull");
      assertEquals(img.configDigest(), pulled.image().id(), "the image id is its config's digest");
      Image stored = images.byReference(ref("team/app:1.0"));
      assertEquals(img.configDigest(), stored.id());
      assertEquals(List.of(registry.host() + "/team/app@" + img.manifestDigest()),
          stored.repoDigests().stream().map(ImageReference::familiarString).toList());
      assertEquals("ID=docklab\n", Files.readString(layout.layerDiff(base.diffId()).resolve("etc/os-release")));
      assertEquals("echo hello\n", Files.readString(layout.layerDiff(app.diffId()).resolve("app.sh")));
    }

    @Test
    void progressReadsAsDockersPull() {
      Layer layer = Layer.of("hello.txt", "hi");
      push("team/app", "1.0", image(layer));

      pull("team/app:1.0");

      assertEquals(List.of("1.0: Pulling from team/app"), progress.lines);
      assertEquals(List.of("Pulling fs layer", "Downloading", "Verifying Checksum", "Download complete", "Extracting",
          "Pull complete"), progress.statuses(layer.digest()));
    }

    @Test
    void pullingTheSameImageAgainFetchesNoBlob() {
      push("team/app", "1.0", image(Layer.of("hello.txt", "hi")));
      pull("team/app:1.0");
      registry.requests.clear();

      Pulled again = pull("team/app:1.0");

      assertFalse(again.downloaded(), "no blob is fetched");
      assertFalse(again.newer(), "Docker: Status: Image is up to date");
      assertEquals(List.of("GET /v2/team/app/manifests/1.0"), registry.requests);
    }

    @Test
    void aTagReCreatedOnAnImageStillHereIsANewerImage() {
      push("team/app", "1.0", image(Layer.of("hello.txt", "hi")));
      pull("team/app:1.0");
      images.tag(ref("team/app:keep"), pull("team/app:1.0").image().id());
      images.untag(ref("team/app:1.0"));
      registry.requests.clear();

      Pulled again = pull("team/app:1.0");

      assertFalse(again.downloaded(), "the image is still here under another tag: no blob is fetched");
      assertTrue(again.newer(), "Docker: Status: Downloaded newer image, since the tag was re-created");
      assertEquals(List.of("GET /v2/team/app/manifests/1.0"), registry.requests);
    }

    @Test
    void aLayerThatIsAlreadyThereIsNotFetchedAgain() {
      Layer base = Layer.of("etc/os-release", "ID=docklab\n");
      Layer app = Layer.of("app.sh", "echo hello\n");
      push("library/base", "latest", image(base));
      push("team/app", "1.0", image(base, app));
      pull("library/base:latest");
      registry.requests.clear();
      progress = new Recorded();

      pull("team/app:1.0");

      assertEquals(List.of("Already exists"), progress.statuses(base.digest()));
      assertEquals("Pull complete", last(progress.statuses(app.digest())));
      assertFalse(registry.requests.contains("GET /v2/team/app/blobs/" + base.digest()), registry.requests.toString());
      assertTrue(registry.requests.contains("GET /v2/team/app/blobs/" + app.digest()), registry.requests.toString());
    }

    @Test
    void aPullThatFailedLeavesNoImageAndTheNextOneKeepsWhatWasDownloaded() throws IOException {
      Layer good = Layer.of("a.txt", "a");
      Layer bad = Layer.of("b.txt", "b");
      Stored img = image(good, bad);
      push("team/app", "1.0", img);
      registry.blob("team/app", bad.digest(), "not the layer".getBytes(StandardCharsets.UTF_8));

      assertThrows(EngineException.class, () -> pull("team/app:1.0"));
      assertNull(images.byReference(ref("team/app:1.0")), "no half image");
      assertNull(images.find(img.configDigest().toString()));

      assertTrue(new StoreSweep(blobs, layers, images, leases).sweep(Set.of()).blobs().isEmpty(),
          "a restart in between keeps what the lease holds");
      assertTrue(blobs.has(good.digest()));
      assertTrue(layers.has(good.diffId()), "a layer that came whole is kept, as Docker keeps it");
      registry.blob("team/app", bad.digest(), bad.blob());
      registry.requests.clear();
      progress = new Recorded();
      pull("team/app:1.0");

      assertFalse(registry.requests.contains("GET /v2/team/app/blobs/" + good.digest()), registry.requests.toString());
      assertEquals(List.of("Already exists"), progress.statuses(good.digest()));
      assertEquals(img.configDigest(), images.byReference(ref("team/app:1.0")).id());
      assertEquals(Set.of(), leases.held(), "the image is recorded: its lease is released");
    }
  }

  @Nested
  class ManifestLists {
    /** An index whose entries are (os, architecture, manifest); only those given are served. */
    private byte[] index(String mediaType, boolean declared, Object... entries) {
      List<Map<String, Object>> manifests = new ArrayList<>();
      for (int i = 0; i < entries.length; i += 3) {
        Stored s = (Stored) entries[i + 2];
        manifests.add(Map.of("mediaType", s.mediaType(), "size", s.manifest().length,
            "digest", s.manifestDigest().toString(),
            "platform", Map.of("os", entries[i], "architecture", entries[i + 1])));
      }
      Map<String, Object> index = new LinkedHashMap<>();
      index.put("schemaVersion", 2);
      if (declared) {
        index.put("mediaType", mediaType);
      }
      index.put("manifests", manifests);
      return bytes(index);
    }

    @ParameterizedTest(name = "{0} of {1}, mediaType in the body: {2}")
    @CsvSource({
        "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json, true",
        "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, true",
        "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, false",
    })
    void resolvesToTheLinuxAmd64Image(String indexType, String manifestType, boolean declared) {
      Layer amdLayer = Layer.of("arch", "amd64");
      Layer armLayer = Layer.of("arch", "arm64");
      Stored amd64 = image(manifestType, List.of(amdLayer.diffId().toString()), amdLayer);
      Stored arm64 = image(manifestType, List.of(armLayer.diffId().toString()), armLayer);
      Stored windows = image(manifestType, List.of(armLayer.diffId().toString()), armLayer);
      push("team/app", amd64.manifestDigest().toString(), amd64);
      push("team/app", arm64.manifestDigest().toString(), arm64);
      byte[] list = index(indexType, declared, "linux", "arm64", arm64, "windows", "amd64", windows, "linux", "amd64",
          amd64);
      registry.manifest("team/app", "1.0", indexType, list);

      Pulled pulled = pull("team/app:1.0");

      assertEquals(amd64.configDigest(), pulled.image().id());
      assertEquals(Sha256.of(list), pulled.digest(), "Docker names the list's digest, not the platform's");
      assertTrue(registry.requests.contains("GET /v2/team/app/manifests/" + amd64.manifestDigest()));
      assertFalse(registry.requests.contains("GET /v2/team/app/manifests/" + arm64.manifestDigest()));
      assertFalse(registry.requests.contains("GET /v2/team/app/blobs/" + armLayer.digest()));
      assertEquals(List.of(registry.host() + "/team/app@" + Sha256.of(list)),
          images.byReference(ref("team/app:1.0")).repoDigests().stream().map(ImageReference::familiarString)
              .toList());
    }

    @Test
    void aListWithoutLinuxAmd64IsRefusedInDockersWords() {
      Layer armLayer = Layer.of("arch", "arm64");
      Stored arm64 = image(armLayer);
      push("team/app", arm64.manifestDigest().toString(), arm64);
      registry.manifest("team/app", "1.0", MediaTypes.DOCKER_LIST, index(MediaTypes.DOCKER_LIST, true,
          "linux", "arm64", arm64, "windows", "amd64", arm64));

      EngineException e = assertThrows(EngineException.class, () -> pull("team/app:1.0"));

      assertEquals("no matching manifest for linux/amd64 in the manifest list entries", e.getMessage());
      assertEquals(EngineException.Kind.NOT_FOUND, e.kind());
      assertFalse(blobs.has(armLayer.digest()), "nothing fetched");
    }
  }

  @Nested
  class Verification {
    @Test
    void aLayerWhoseBytesDoNotMatchItsDigestIsRefused() throws IOException {
      Layer layer = Layer.of("hello.txt", "hi");
      Stored img = image(layer);
      push("team/app", "1.0", img);
      byte[] tampered = Layer.of("hello.txt", "pwned").blob();
      registry.blob("team/app", layer.digest(), tampered);

      EngineException e = assertThrows(EngineException.class, () -> pull("team/app:1.0"));

      assertEquals("filesystem layer verification failed for digest " + layer.digest() + ": content hashes to "
          + Sha256.of(tampered), e.getMessage());
      assertFalse(blobs.has(layer.digest()));
      assertFalse(blobs.has(Sha256.of(tampered)), "the wrong bytes are not kept under any name");
      assertNull(images.byReference(ref("team/app:1.0")));
      assertNothingStaged();
      assertFalse(layers.has(Layer.of("hello.txt", "pwned").diffId()), "what they unpacked to is gone too");
    }

    @Test
    void aBlobCorruptedHalfWayIsRefusedForItsDigestAndLeavesNothing() throws IOException {
      TarBuilder many = new TarBuilder(Instant.EPOCH);
      Random random = new Random(17);
      for (int i = 0; i < 200; i++) {
        byte[] body = new byte[4096];
        random.nextBytes(body);
        many.file("f" + i, 0644, body);
      }
      Layer layer = Layer.of(many.toBytes());
      push("team/app", "1.0", image(layer));
      byte[] corrupt = layer.blob().clone();
      for (int i = corrupt.length / 2; i < corrupt.length / 2 + 64; i++) {
        corrupt[i] ^= (byte) 0x5a;
      }
      registry.blob("team/app", layer.digest(), corrupt);

      EngineException e = assertThrows(EngineException.class, () -> pull("team/app:1.0"));

      assertEquals("filesystem layer verification failed for digest " + layer.digest() + ": content hashes to "
          + Sha256.of(corrupt), e.getMessage(), "the download is at fault, not the layer's gzip");
      assertFalse(blobs.has(layer.digest()));
      assertFalse(layers.has(layer.diffId()));
      assertNull(images.byReference(ref("team/app:1.0")));
      assertNothingStaged();
    }

    @Test
    void aConfigWhoseBytesDoNotMatchItsDigestIsRefused() {
      Stored img = image(Layer.of("hello.txt", "hi"));
      push("team/app", "1.0", img);
      registry.blob("team/app", img.configDigest(), "{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8));

      EngineException e = assertThrows(EngineException.class, () -> pull("team/app:1.0"));

      assertEquals("the blob " + img.configDigest() + " from " + registry.host() + " does not match its digest: refused",
          e.getMessage());
      assertNull(images.find(img.configDigest().toString()));
    }

    @Test
    void aManifestPulledByDigestMustHashToThatDigest() {
      Stored img = image(Layer.of("hello.txt", "hi"));
      Stored other = image(Layer.of("other.txt", "x"));
      push("team/app", "1.0", img);
      registry.manifest("team/app", img.manifestDigest().toString(), other.mediaType(), other.manifest());

      EngineException e = assertThrows(EngineException.class,
          () -> pull("team/app@" + img.manifestDigest()));

      assertEquals("the manifest " + img.manifestDigest() + " from " + registry.host() + " has the digest "
          + other.manifestDigest() + ": refused", e.getMessage());
    }

    @Test
    void aLayerThatUnpacksToOtherContentThanTheConfigSaysIsRefusedAndDropped() throws IOException {
      Layer layer = Layer.of("hello.txt", "hi");
      Digest claimed = Layer.of("hello.txt", "something else").diffId();
      Stored img = image(MediaTypes.DOCKER_MANIFEST, List.of(claimed.toString()), layer);
      push("team/app", "1.0", img);

      EngineException e = assertThrows(EngineException.class, () -> pull("team/app:1.0"));

      assertEquals("layer " + layer.digest().shortHex() + " unpacks to " + layer.diffId()
          + " but the image config says " + claimed + ": refused", e.getMessage());
      assertFalse(layers.has(layer.diffId()));
      assertFalse(blobs.has(layer.digest()));
      assertNull(images.byReference(ref("team/app:1.0")));
      assertNothingStaged();
    }

    @Test
    void aLayerThatUnpacksToAnotherImagesLayerDoesNotTakeItAway() {
      Layer shared = Layer.of("hello.txt", "hi");
      push("team/first", "1.0", image(shared));
      pull("team/first:1.0");
      Digest claimed = Layer.of("hello.txt", "something else").diffId();
      push("team/liar", "1.0", image(MediaTypes.DOCKER_MANIFEST, List.of(claimed.toString()), shared));

      assertThrows(EngineException.class, () -> pull("team/liar:1.0"));

      assertTrue(layers.has(shared.diffId()), "the first image keeps its layer");
      assertTrue(blobs.has(shared.digest()), "and its blob");
    }

    @Test
    void anImageDeeperThanDockersLayerStoreTakesIsRefusedInItsWords() {
      Layer[] deep = new Layer[126]; // one more than moby's maxLayerDepth
      for (int i = 0; i < deep.length; i++) {
        deep[i] = Layer.of("f" + i, "layer " + i);
      }
      push("team/deep", "1.0", image(deep));

      EngineException e = assertThrows(EngineException.class, () -> pull("team/deep:1.0"));

      assertEquals("max depth exceeded", e.getMessage());
      assertFalse(blobs.has(deep[0].digest()), "nothing fetched");
      assertNull(images.find(ref("team/deep:1.0").toString()));
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "404 | MANIFEST_UNKNOWN | manifest unknown                           | manifest unknown: manifest unknown",
        "404 | NAME_UNKNOWN     | repository name not known to registry      | name unknown: repository name not known to registry",
        "401 | UNAUTHORIZED     | authentication required                    | unauthorized: authentication required",
        "403 | DENIED           | requested access to the resource is denied | denied: requested access to the resource is denied",
        "500 | UNKNOWN          | unknown error                              | unknown: unknown error",
    })
    void theRegistrysErrorIsReportedInItsOwnWords(int status, String code, String message, String docker) {
      registry.fail("/v2/team/app/manifests/1.0", status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\""
          + message + "\",\"detail\":null}]}");

      RegistryError e = assertThrows(RegistryError.class, () -> pull("team/app:1.0"));

      assertEquals(code, e.code());
      assertEquals(status, e.status());
      assertEquals(docker, e.dockerText());
      assertEquals(status == 404 ? EngineException.Kind.NOT_FOUND
          : status >= 500 ? EngineException.Kind.SYSTEM : EngineException.Kind.INVALID, e.kind());
    }

    @Test
    void aMissingTagIsManifestUnknown() {
      push("team/app", "1.0", image(Layer.of("hello.txt", "hi")));

      RegistryError e = assertThrows(RegistryError.class, () -> pull("team/app:nosuch"));

      assertEquals("manifest unknown: manifest unknown", e.dockerText());
      assertEquals(EngineException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void aRegistryThatIsNotThereIsNamedAsDockerNamesIt() {
      String host = registry.host();
      registry.close();

      EngineException e = assertThrows(EngineException.class, () -> pull("team/app:1.0"));

      assertEquals("Get \"http://" + host + "/v2/team/app/manifests/1.0\": dial tcp " + host
          + ": connect: connection refused", e.getMessage());
    }
  }

  @Nested
  class Tokens {
    @BeforeEach
    void requireToken() {
      registry.requireBearer("good-token", "http://" + registry.host() + "/token", "fake-registry");
    }

    @Test
    void a401IsAnsweredWithATokenFromTheRealmItNames() {
      Stored img = image(Layer.of("hello.txt", "hi"));
      push("team/app", "1.0", img);

      pull("team/app:1.0");

      assertEquals(img.configDigest(), images.byReference(ref("team/app:1.0")).id());
      assertEquals(List.of("service=fake-registry&scope=repository:team/app:pull"), registry.tokenQueries,
          "one anonymous token, for pulling this repository, kept for the blobs");
      assertNull(registry.tokenLogins.get(0));
    }

    @Test
    void aLoginIsSentToTheRealmAndAWrongOneIsRefusedInDockersWords() {
      push("team/app", "1.0", image(Layer.of("hello.txt", "hi")));
      credentials.put(registry.host(), new Credentials.Login("alice", "wrong"));

      RegistryError e = assertThrows(RegistryError.class, () -> pull("team/app:1.0"));

      assertEquals("alice:wrong", registry.tokenLogins.get(0));
      assertTrue(registry.tokenQueries.get(0).endsWith("&account=alice"), registry.tokenQueries.get(0));
      assertEquals("unauthorized: incorrect username or password", e.dockerText());
    }
  }

  /** No layer half unpacked, no blob half downloaded: the store's temp dirs are empty. */
  private void assertNothingStaged() throws IOException {
    try (Stream<Path> s = Files.list(layout.layers())) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("tmp-")).toList());
    }
    if (Files.isDirectory(layout.tmp())) {
      try (Stream<Path> s = Files.list(layout.tmp())) {
        assertEquals(List.of(), s.toList());
      }
    }
  }

  private static String last(List<String> list) {
    return list.get(list.size() - 1);
  }

  /** The progress a pull reports: its lines, and each layer's statuses. */
  static final class Recorded implements Progress {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String[]> layerEvents = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void line(String text) {
      lines.add(text);
    }

    @Override
    public void layer(String id, String status, long current, long total) {
      layerEvents.add(new String[] {id, status});
    }

    /** One layer's statuses in order, a status repeated (Downloading as bytes come) shown once. */
    List<String> statuses(Digest layer) {
      List<String> out = new ArrayList<>();
      synchronized (layerEvents) {
        for (String[] e : layerEvents) {
          if (e[0].equals(layer.shortHex()) && (out.isEmpty() || !last(out).equals(e[1]))) {
            out.add(e[1]);
          }
        }
      }
      return out;
    }
  }
}
