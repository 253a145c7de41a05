package dev.docklab.engine.registry.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.registry.MediaTypes;
import dev.docklab.engine.registry.RegistryError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The hub's store refuses manifests as Docker's registry does, with the same error codes. */
class HubStoreTest {
  @TempDir
  Path root;

  @ParameterizedTest
  @ValueSource(strings = {"sha256:xyz", "sha256:", "nodigest", "md5:0123", "sha256:ABCDEF0123456789ABCDEF0123456789"
      + "ABCDEF0123456789ABCDEF0123456789"})
  void aMalformedDigestInAManifestIsDigestInvalid(String bad) throws Exception {
    HubStore store = new HubStore(root);
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    Digest cd = Sha256.of(config);
    store.importBlob("alice/app", cd, new ByteArrayInputStream(config));
    String layer = manifest(cd.toString(), bad);
    RegistryError e = assertThrows(RegistryError.class, () -> store.putManifest("alice/app", "v1",
        MediaTypes.DOCKER_MANIFEST, layer.getBytes(StandardCharsets.UTF_8)));
    assertEquals("DIGEST_INVALID", e.code(), e.getMessage());
    assertEquals(400, e.status());
    RegistryError inConfig = assertThrows(RegistryError.class, () -> store.putManifest("alice/app", "v1",
        MediaTypes.DOCKER_MANIFEST, manifest(bad, cd.toString()).getBytes(StandardCharsets.UTF_8)));
    assertEquals("DIGEST_INVALID", inConfig.code());
    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
        + MediaTypes.DOCKER_MANIFEST + "\",\"digest\":\"" + bad + "\",\"size\":1}]}";
    RegistryError inIndex = assertThrows(RegistryError.class, () -> store.putManifest("alice/app", "multi",
        MediaTypes.OCI_INDEX, index.getBytes(StandardCharsets.UTF_8)));
    assertEquals("DIGEST_INVALID", inIndex.code());
  }

  static String manifest(String config, String layer) {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.docker.container.image.v1+json\",\"size\":2,\"digest\":\"" + config
        + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":1,"
        + "\"digest\":\"" + layer + "\"}]}";
  }
}
