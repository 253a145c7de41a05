package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Crafted hostile layer archives: each is refused, naming the entry, and nothing outside is written. */
class TarExtractorHostileTest {
  private Path base;
  private Path target;
  private static Path outside;

  @BeforeEach
  void dirs() throws IOException {
    base = Files.createTempDirectory("docklab-tar-");
    target = Files.createDirectory(base.resolve("layer"));
    outside = Files.createDirectory(base.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "keep me");
  }

  @AfterEach
  void clean() throws IOException {
    Trees.deleteRecursively(base);
  }

  private static TarBuilder tar() {
    return new TarBuilder(Instant.EPOCH);
  }

  static Stream<Arguments> tricks() {
    return Stream.of(
        trick("dot-dot at the start", "../evil", o -> tar().file("../evil", 0644, "x")),
        trick("dot-dot after a descent", "a/../../evil", o -> tar().dir("a", 0755).file("a/../../evil", 0644, "x")),
        trick("absolute path", "/tmp/evil", o -> tar().file("/tmp/evil", 0644, "x")),
        trick("write through an absolute symlink", "link/evil",
            o -> tar().symlink("link", o.toString()).file("link/evil", 0644, "x")),
        trick("write through a relative symlink that climbs", "up/evil",
            o -> tar().symlink("up", "../outside").file("up/evil", 0644, "x")),
        trick("write through a chain of symlinks", "a/evil",
            o -> tar().symlink("b", o.toString()).symlink("a", "b").file("a/evil", 0644, "x")),
        trick("directory through a symlink", "link/newdir/",
            o -> tar().symlink("link", o.toString()).dir("link/newdir", 0755)),
        trick("hardlink climbing with dot-dot", "h",
            o -> tar().hardlink("h", "../outside/secret")),
        trick("hardlink to an absolute path", "h", o -> tar().hardlink("h", "/etc/passwd")),
        trick("hardlink through a symlink", "h",
            o -> tar().symlink("link", o.toString()).hardlink("h", "link/secret")),
        trick("whiteout through a symlink", "link/.wh.secret",
            o -> tar().symlink("link", o.toString()).file("link/.wh.secret", 0644, "")),
        trick("whiteout of dot-dot", "a/.wh..", o -> tar().dir("a", 0755).file("a/.wh..", 0644, "")));
  }

  private static Arguments trick(String name, String entry, Function<Path, TarBuilder> build) {
    return Arguments.of(name, entry, build);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tricks")
  void refusesAndWritesNothingOutside(String name, String entry, Function<Path, TarBuilder> build) throws IOException {
    byte[] tar = build.apply(outside).toBytes();
    UnsafeEntryException e = assertThrows(UnsafeEntryException.class,
        () -> new TarExtractor(new NoopPosix()).extract(new ByteArrayInputStream(tar), target));
    assertEquals(entry, e.entry());
    assertTrue(e.getMessage().contains("\"" + entry + "\""), e.getMessage());
    assertOutsideUntouched();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tricks")
  void refusesAndWritesNothingOutsideWithThreadsWritingFiles(String name, String entry,
      Function<Path, TarBuilder> build) throws IOException {
    byte[] tar = build.apply(outside).toBytes();
    UnsafeEntryException e = assertThrows(UnsafeEntryException.class,
        () -> new TarExtractor(new NoopPosix()).extract(new ByteArrayInputStream(tar), target, 3));
    assertEquals(entry, e.entry());
    assertOutsideUntouched();
  }

  @ParameterizedTest(name = "{0} writer threads")
  @ValueSource(ints = {0, 3})
  void laterFileReplacesASymlinkInsteadOfWritingThroughIt(int writers) throws IOException {
    byte[] tar = tar().symlink("evil", outside.resolve("secret").toString()).file("evil", 0644, "replaced").toBytes();
    new TarExtractor(new NoopPosix()).extract(new ByteArrayInputStream(tar), target, writers);
    assertFalse(Files.isSymbolicLink(target.resolve("evil")));
    assertEquals("replaced", Files.readString(target.resolve("evil")));
    assertOutsideUntouched();
  }

  @Test
  void symlinksPointingAnywhereAreKeptAsLinks() throws IOException {
    // A link itself is harmless: it is resolved inside the container's root, never followed here.
    byte[] tar = tar().symlink("etc-link", "/etc").symlink("up", "../../..").toBytes();
    new TarExtractor(new NoopPosix()).extract(new ByteArrayInputStream(tar), target);
    assertEquals("/etc", Files.readSymbolicLink(target.resolve("etc-link")).toString());
    assertEquals("../../..", Files.readSymbolicLink(target.resolve("up")).toString());
  }

  private void assertOutsideUntouched() throws IOException {
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(List.of("secret"), s.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals("keep me", Files.readString(outside.resolve("secret")));
    try (Stream<Path> s = Files.list(base)) {
      assertEquals(List.of("layer", "outside"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.isRegularFile(outside.resolve("secret"), LinkOption.NOFOLLOW_LINKS));
  }
}
