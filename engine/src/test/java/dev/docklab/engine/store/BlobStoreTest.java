package dev.docklab.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlobStoreTest {
  private Path root;
  private BlobStore blobs;

  @BeforeEach
  void open() throws Exception {
    root = Files.createTempDirectory("docklab-blobs-");
    blobs = new BlobStore(new Layout(root));
  }

  @AfterEach
  void clean() throws Exception {
    Trees.deleteRecursively(root);
  }

  @Test
  void storesUnderTheSha256OfTheContent() {
    Digest d = blobs.put("layer".getBytes());
    assertEquals(Sha256.of("layer".getBytes()), d);
    assertArrayEquals("layer".getBytes(), blobs.read(d));
    assertTrue(Files.isRegularFile(root.resolve("blobs/sha256/" + d.hex())));
  }

  @Test
  void refusesContentThatDoesNotMatchItsDigestAndStoresNothing() throws Exception {
    Digest claimed = Sha256.of("what the manifest says".getBytes());
    EngineException e = assertThrows(EngineException.class,
        () -> blobs.put(new ByteArrayInputStream("something else".getBytes()), claimed));
    assertTrue(e.getMessage().startsWith("filesystem layer verification failed for digest " + claimed), e.getMessage());
    assertFalse(blobs.has(claimed));
    assertFalse(blobs.has(Sha256.of("something else".getBytes())));
    try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
      assertEquals(0, tmp.count(), "no temp file left");
    }
  }

  @Test
  void noticesABlobCorruptedOnDisk() throws Exception {
    Digest d = blobs.put("good".getBytes());
    Files.writeString(blobs.path(d), "bad!");
    EngineException e = assertThrows(EngineException.class, () -> blobs.read(d));
    assertTrue(e.getMessage().startsWith("blob " + d + " is corrupt"), e.getMessage());
  }
}
