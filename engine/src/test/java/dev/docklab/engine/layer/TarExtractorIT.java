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
import java.util.Date;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unpacking with the real system calls (as root): whiteouts and every kind of metadata survive. */
class TarExtractorIT {
  private Path target;
  private final Posix posix = Posix.host();

  @BeforeEach
  void dir() throws Exception {
    target = Files.createTempDirectory("docklab-unpack-");
  }

  @AfterEach
  void clean() throws Exception {
    Trees.deleteRecursively(target);
  }

  private static int mode(Path p) throws Exception {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void ociWhiteoutsBecomeOverlayWhiteouts() throws Exception {
    byte[] tar = new TarBuilder(Instant.EPOCH)
        .dir("etc", 0755).file("etc/.wh.motd", 0644, "")
        .dir("var/cache", 0755).file("var/cache/.wh..wh..opq", 0644, "")
        .toBytes();
    ExtractStats stats = new TarExtractor(posix).extract(new ByteArrayInputStream(tar), target);
    Path motd = target.resolve("etc/motd");
    assertEquals(0020000, mode(motd) & 0170000, "a character device");
    assertEquals(0L, Files.getAttribute(motd, "unix:rdev", LinkOption.NOFOLLOW_LINKS), "device 0:0");
    assertFalse(Files.exists(target.resolve("etc/.wh.motd"), LinkOption.NOFOLLOW_LINKS));
    assertArrayEquals("y".getBytes(), posix.lgetxattr(target.resolve("var/cache"), "trusted.overlay.opaque"));
    assertFalse(Files.exists(target.resolve("var/cache/.wh..wh..opq"), LinkOption.NOFOLLOW_LINKS));
    assertEquals(1, stats.whiteouts());
    assertEquals(1, stats.opaqueDirs());
  }

  @Test
  void keepsModesOwnersTimesLinksAndXattrs() throws Exception {
    Instant t = Instant.parse("2020-01-02T03:04:05Z");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry dir = new TarArchiveEntry("tmp/", TarConstants.LF_DIR);
      dir.setMode(01777);
      dir.setModTime(Date.from(t));
      out.putArchiveEntry(dir);
      out.closeArchiveEntry();
      TarArchiveEntry f = new TarArchiveEntry("tmp/suid", TarConstants.LF_NORMAL);
      f.setMode(04755);
      f.setIds(1234, 5678);
      f.setModTime(Date.from(t));
      f.setSize(3);
      f.addPaxHeader("SCHILY.xattr.user.lesson", "layers");
      out.putArchiveEntry(f);
      out.write("abc".getBytes());
      out.closeArchiveEntry();
      TarArchiveEntry hard = new TarArchiveEntry("tmp/hard", TarConstants.LF_LINK);
      hard.setLinkName("tmp/suid");
      out.putArchiveEntry(hard);
      out.closeArchiveEntry();
      TarArchiveEntry sym = new TarArchiveEntry("tmp/sym", TarConstants.LF_SYMLINK);
      sym.setLinkName("suid");
      sym.setIds(42, 43);
      sym.setModTime(Date.from(t));
      out.putArchiveEntry(sym);
      out.closeArchiveEntry();
      TarArchiveEntry fifo = new TarArchiveEntry("tmp/fifo", TarConstants.LF_FIFO);
      fifo.setMode(0600);
      out.putArchiveEntry(fifo);
      out.closeArchiveEntry();
    }
    new TarExtractor(posix).extract(new ByteArrayInputStream(bytes.toByteArray()), target);
    Path suid = target.resolve("tmp/suid");
    assertEquals(04755, mode(suid) & 07777, "setuid kept");
    assertEquals(01777, mode(target.resolve("tmp")) & 07777, "sticky kept");
    Map<String, Object> a = Files.readAttributes(suid, "unix:uid,gid,ino", LinkOption.NOFOLLOW_LINKS);
    assertEquals(1234, a.get("uid"));
    assertEquals(5678, a.get("gid"));
    assertEquals(t, Files.getLastModifiedTime(suid).toInstant());
    assertEquals(t, Files.getLastModifiedTime(target.resolve("tmp")).toInstant(), "dir time set after its children");
    assertEquals(a.get("ino"), Files.getAttribute(target.resolve("tmp/hard"), "unix:ino"), "hardlink shares the inode");
    assertEquals("suid", Files.readSymbolicLink(target.resolve("tmp/sym")).toString());
    assertEquals(42, Files.getAttribute(target.resolve("tmp/sym"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
    assertEquals(t, Files.getLastModifiedTime(target.resolve("tmp/sym"), LinkOption.NOFOLLOW_LINKS).toInstant());
    assertArrayEquals("layers".getBytes(), posix.lgetxattr(suid, "user.lesson"));
    assertEquals(0010000, mode(target.resolve("tmp/fifo")) & 0170000, "a fifo");
    assertTrue(Files.isRegularFile(suid));
  }
}
