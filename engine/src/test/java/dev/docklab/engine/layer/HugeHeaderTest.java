package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.image.Archives;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tar headers that declare more than any real file needs (a 1 GiB PAX path, a 1 GiB GNU long name)
 * are refused at once, before anything that size is allocated, with a short message; layers and
 * saved archives go through the same reader.
 */
class HugeHeaderTest {
  private Path base;

  @BeforeEach
  void dir() throws IOException {
    base = Files.createTempDirectory("docklab-huge-");
  }

  @AfterEach
  void clean() throws IOException {
    Trees.deleteRecursively(base);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("a 1 GiB PAX path", (Supplier<InputStream>) () -> HugeHeaderTars.paxPath(HugeHeaderTars.GIB)),
        Arguments.of("a 1 GiB GNU long name",
            (Supplier<InputStream>) () -> HugeHeaderTars.gnuLongName(HugeHeaderTars.GIB)),
        Arguments.of("a 10 kB PAX path", (Supplier<InputStream>) () -> HugeHeaderTars.paxPath(10_000)),
        Arguments.of("a 10 kB GNU long name", (Supplier<InputStream>) () -> HugeHeaderTars.gnuLongName(10_000)));
  }

  private static void assertQuickAndShort(String what, Instant start, Exception e) {
    Duration took = Duration.between(start, Instant.now());
    assertTrue(took.toMillis() < 3000, what + " took " + took);
    assertTrue(e.getMessage().length() < 300, what + ": the message echoes the name (" + e.getMessage().length()
        + " characters)");
    assertTrue(!e.getMessage().contains("a".repeat(100)), e.getMessage());
  }

  @ParameterizedTest(name = "layer: {0}")
  @MethodSource("hostile")
  void aLayerWithAHugeHeaderIsRefusedAtOnce(String what, Supplier<InputStream> tar) throws IOException {
    Path target = Files.createDirectory(base.resolve("layer"));
    Instant start = Instant.now();
    Exception e = assertThrows(Exception.class, () -> new TarExtractor(new NoopPosix()).extract(tar.get(), target));
    assertQuickAndShort(what, start, e);
    try (Stream<Path> s = Files.list(target)) {
      assertEquals(0, s.count(), "nothing unpacked");
    }
  }

  @ParameterizedTest(name = "docker load: {0}")
  @MethodSource("hostile")
  void aSavedArchiveWithAHugeHeaderIsRefusedAtOnce(String what, Supplier<InputStream> tar) {
    Layout layout = new Layout(base);
    BlobStore blobs = new BlobStore(layout);
    LayerStore layers = new LayerStore(layout, new NoopPosix());
    Archives archives = new Archives(layout, blobs, layers, new ImageStore(layout, blobs, layers));
    Instant start = Instant.now();
    EngineException e = assertThrows(EngineException.class, () -> archives.load(tar.get()));
    assertQuickAndShort(what, start, e);
    assertTrue(e.getMessage().startsWith("invalid archive: "), e.getMessage());
  }

  @Test
  void aNameLongerThanPathMaxIsRefusedWithAShortPrefix() throws IOException {
    String name = ("d".repeat(200) + "/").repeat(25) + "file"; // 5029 characters, each part under NAME_MAX
    byte[] tar = new TarBuilderWithPax().file(name).toBytes();
    Path target = Files.createDirectory(base.resolve("layer"));
    IOException e = assertThrows(IOException.class,
        () -> new TarExtractor(new NoopPosix()).extract(new ByteArrayInputStream(tar), target));
    assertTrue(e.getMessage().contains("PATH_MAX (4096)"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }

  @Test
  void longNamesUnderTheLimitsStillUnpack() throws IOException {
    String name = ("d".repeat(200) + "/").repeat(10) + "f".repeat(250); // 2260 characters
    byte[] tar = new TarBuilderWithPax().file(name).toBytes();
    Path target = Files.createDirectory(base.resolve("layer"));
    new TarExtractor(new NoopPosix()).extract(new ByteArrayInputStream(tar), target);
    assertTrue(Files.isRegularFile(target.resolve(name)));
  }

  /** Names as Docker writes long ones: a PAX {@code path} record. */
  private static final class TarBuilderWithPax {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(buf);

    TarBuilderWithPax() {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    TarBuilderWithPax file(String name) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(1);
      tar.putArchiveEntry(e);
      tar.write('x');
      tar.closeArchiveEntry();
      return this;
    }

    byte[] toBytes() throws IOException {
      tar.finish();
      return buf.toByteArray();
    }
  }
}
