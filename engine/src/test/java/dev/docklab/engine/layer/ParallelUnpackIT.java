package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unpacking with threads creating the files (as root, with the real system calls), on entries whose
 * meaning depends on their order: each later entry must see the earlier ones whole, as a serial unpack
 * would. Big bodies make the writers lag behind the reader of the tar, so that a missing wait shows.
 */
class ParallelUnpackIT {
  private static final Instant T = Instant.parse("2020-01-02T03:04:05Z");
  private static final int WRITERS = 3;
  private Path target;
  private final Posix posix = Posix.host();

  @BeforeEach
  void dir() throws Exception {
    target = Files.createTempDirectory("docklab-parallel-");
  }

  @AfterEach
  void clean() throws Exception {
    Trees.deleteRecursively(target);
  }

  private void extract(TarBuilder tar) throws Exception {
    new TarExtractor(posix).extract(new ByteArrayInputStream(tar.toBytes()), target, WRITERS);
  }

  /** A body of {@code size} bytes that differs for each {@code seed}. */
  private static byte[] body(int seed, int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) ('a' + seed % 26));
    b[0] = (byte) seed;
    return b;
  }

  private static int mode(Path p) throws Exception {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void aHardlinkRightAfterItsTargetSharesTheWholeFile() throws Exception {
    TarBuilder tar = new TarBuilder(T);
    for (int i = 0; i < 40; i++) {
      tar.file("f" + i, 0640, body(i, 512 << 10)).hardlink("h" + i, "f" + i);
    }
    extract(tar);
    for (int i = 0; i < 40; i++) {
      Path f = target.resolve("f" + i);
      Path h = target.resolve("h" + i);
      assertEquals(Files.getAttribute(f, "unix:ino"), Files.getAttribute(h, "unix:ino"), "h" + i + " is f" + i);
      assertArrayEquals(body(i, 512 << 10), Files.readAllBytes(h));
      assertEquals(0640, mode(h) & 07777);
      assertEquals(T, Files.getLastModifiedTime(h).toInstant());
    }
  }

  @Test
  void filesTooBigToHoldAreWrittenWholeBetweenHeldOnes() throws Exception {
    byte[] odd = new byte[(5 << 19) + 3]; // 2.5 MiB and 3 bytes: its last write is short
    new java.util.Random(7).nextBytes(odd);
    byte[] even = new byte[2 << 20];
    new java.util.Random(8).nextBytes(even);
    extract(new TarBuilder(T).file("small-1", 0644, body(1, 4096)).file("odd", 0640, odd)
        .file("small-2", 0644, body(2, 100)).file("even", 0600, even).file("empty", 0644, new byte[0]));
    assertArrayEquals(odd, Files.readAllBytes(target.resolve("odd")));
    assertArrayEquals(even, Files.readAllBytes(target.resolve("even")));
    assertArrayEquals(body(1, 4096), Files.readAllBytes(target.resolve("small-1")));
    assertArrayEquals(body(2, 100), Files.readAllBytes(target.resolve("small-2")));
    assertEquals(0, Files.size(target.resolve("empty")));
    assertEquals(0640, mode(target.resolve("odd")) & 07777);
    assertEquals(T, Files.getLastModifiedTime(target.resolve("even")).toInstant());
  }

  @Test
  void bodiesBeyondWhatIsHeldAtOnceAreEachWrittenWhole() throws Exception {
    // 60 MB of small files, more than the writers may be behind by: the memory they were held in is
    // filled again while other files are still being written
    java.util.Random sizes = new java.util.Random(11);
    TarBuilder tar = new TarBuilder(T);
    int[] size = new int[1200];
    for (int i = 0; i < size.length; i++) {
      size[i] = i % 100 == 0 ? 0 : sizes.nextInt(100 << 10);
      tar.file("f" + i, 0644, numbered(i, size[i]));
    }
    extract(tar);
    for (int i = 0; i < size.length; i++) {
      assertArrayEquals(numbered(i, size[i]), Files.readAllBytes(target.resolve("f" + i)), "f" + i);
    }
  }

  /** {@code size} bytes that tell {@code seed} apart at every position. */
  private static byte[] numbered(int seed, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (seed * 31 + i / 7);
    }
    return b;
  }

  @Test
  void aDirectorysTimeIsSetAfterAllItsChildrenAreWritten() throws Exception {
    TarBuilder tar = new TarBuilder(T).dir("d", 0755).dir("d/sub", 0700);
    for (int i = 0; i < 300; i++) {
      tar.file((i % 2 == 0 ? "d/f" : "d/sub/f") + i, 0644, body(i, 64 << 10));
    }
    extract(tar);
    assertEquals(T, Files.getLastModifiedTime(target.resolve("d")).toInstant(), "d keeps the tar's time");
    assertEquals(T, Files.getLastModifiedTime(target.resolve("d/sub")).toInstant(), "and d/sub");
    assertEquals(0700, mode(target.resolve("d/sub")) & 07777);
    try (Stream<Path> s = Files.list(target.resolve("d/sub"))) {
      assertEquals(150, s.count());
    }
  }

  @Test
  void modesAndOwnersAreTheTarsWhateverTheUmaskOrASetgidDirectory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
      put(out, "before", TarConstants.LF_NORMAL, 0666, 0, 0);
      put(out, "plain", TarConstants.LF_NORMAL, 0755, 0, 0);
      put(out, "g/", TarConstants.LF_DIR, 02775, 0, 5678);
      put(out, "g/root", TarConstants.LF_NORMAL, 0644, 0, 0);
      put(out, "g/sub/", TarConstants.LF_DIR, 0755, 0, 0);
      put(out, "g/sub/root", TarConstants.LF_NORMAL, 0600, 0, 0);
    }
    new TarExtractor(posix).extract(new ByteArrayInputStream(bytes.toByteArray()), target, WRITERS);
    assertEquals(0666, mode(target.resolve("before")) & 07777, "whatever the umask");
    assertEquals(0755, mode(target.resolve("plain")) & 07777);
    assertEquals(5678, Files.getAttribute(target.resolve("g"), "unix:gid", LinkOption.NOFOLLOW_LINKS));
    assertEquals(02775, mode(target.resolve("g")) & 07777);
    for (String root : new String[] {"g/root", "g/sub", "g/sub/root"}) {
      assertEquals(0, Files.getAttribute(target.resolve(root), "unix:gid", LinkOption.NOFOLLOW_LINKS),
          root + " is root's, as the tar says, not the setgid directory's group");
    }
    assertEquals(0600, mode(target.resolve("g/sub/root")) & 07777);
  }

  private static void put(TarArchiveOutputStream out, String name, byte type, int mode, int uid, int gid)
      throws Exception {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setMode(mode);
    e.setIds(uid, gid);
    e.setModTime(Date.from(T));
    byte[] body = type == TarConstants.LF_NORMAL ? body(mode, 4096) : new byte[0];
    e.setSize(body.length);
    out.putArchiveEntry(e);
    out.write(body);
    out.closeArchiveEntry();
  }

  @Test
  void aLaterEntryForTheSamePathReplacesTheEarlierOne() throws Exception {
    TarBuilder tar = new TarBuilder(T)
        .file("same", 0644, body(1, 1 << 20)).file("same", 0600, "second")
        .file("was-file", 0644, body(2, 1 << 20)).dir("was-file", 0750).file("was-file/inside", 0644, "in")
        .dir("was-dir", 0755);
    for (int i = 0; i < 50; i++) {
      tar.file("was-dir/f" + i, 0644, body(i, 128 << 10));
    }
    tar.file("was-dir", 0644, "a file now").file("hidden", 0644, body(3, 1 << 20)).file(".wh.hidden", 0644, "");
    extract(tar);
    assertEquals("second", Files.readString(target.resolve("same")));
    assertEquals(0600, mode(target.resolve("same")) & 07777);
    assertTrue(Files.isDirectory(target.resolve("was-file"), LinkOption.NOFOLLOW_LINKS));
    assertEquals("in", Files.readString(target.resolve("was-file/inside")));
    assertEquals("a file now", Files.readString(target.resolve("was-dir"), StandardCharsets.UTF_8));
    assertEquals(0020000, mode(target.resolve("hidden")) & 0170000, "the whiteout replaced the file");
    assertFalse(Files.exists(target.resolve(".wh.hidden"), LinkOption.NOFOLLOW_LINKS));
  }
}
