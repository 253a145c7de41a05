package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gzip of about 1 MB whose tar declares a 1 GiB PAX path or GNU long name, given to docker import
 * and docker load in a real docklab process: each is refused in one short line within seconds, and
 * the same docklab goes on with the next command.
 */
class HostileArchiveIT {
  private static final long GIB = 1L << 30;
  static Transcript t;
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-hostile-"));
    t.run("docker images -q"); // the base images, once, out of the timing
    dir = Files.createTempDirectory("docklab-hostile-archives-");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(dir);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  /** A tar whose first header ({@code type}) declares {@code size} bytes of 'a', then a file, gzip-compressed. */
  private static Path hugeHeader(String file, String name, byte type, byte[] prefix) throws IOException {
    Path p = dir.resolve(file);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)) {
      TarArchiveEntry header = new TarArchiveEntry(name, type);
      header.setSize(GIB);
      byte[] record = new byte[512];
      header.writeEntryHeader(record);
      gz.write(record);
      gz.write(prefix);
      byte[] as = new byte[1 << 20];
      Arrays.fill(as, (byte) 'a');
      long left = GIB - prefix.length - 1;
      while (left > 0) {
        int n = (int) Math.min(as.length, left);
        gz.write(as, 0, n);
        left -= n;
      }
      gz.write(type == TarConstants.LF_GNUTYPE_LONGNAME ? 0 : '\n');
      TarArchiveEntry x = new TarArchiveEntry("x");
      x.writeEntryHeader(record);
      gz.write(record);
      gz.write(new byte[1024]);
    }
    return p;
  }

  @Test
  void aHugeHeaderIsRefusedQuicklyInOneShortLineAndDocklabGoesOn() throws Exception {
    Path pax = hugeHeader("pax.tar.gz", "././@PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC,
        (GIB + " path=").getBytes(StandardCharsets.US_ASCII));
    Path gnu = hugeHeader("gnu.tar.gz", "././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, new byte[0]);
    assertTrue(Files.size(pax) < 2_000_000, "about 1 MB: " + Files.size(pax));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    long start = System.nanoTime();
    Process p = new ProcessBuilder("java", "-jar", Path.of("target/docklab.jar").toAbsolutePath().toString(),
        "--data-root", t.root.toString(), "--lang", "en", "-c",
        "docker import " + pax + " hostile:pax; docker load -i " + pax + "; docker import " + gnu
            + "; docker load -i " + gnu + "; docker images -q busybox")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    List<String> errors = Files.readAllLines(err);
    assertTrue(ended, "docklab still busy after 120 s; it said: " + errors);
    assertEquals(0, p.exitValue(), "the last command ran and succeeded: " + errors);
    assertTrue(Files.readString(out).strip().matches("[0-9a-f]{12}"), "docklab went on: " + Files.readString(out));
    assertEquals(4, errors.size(), "one line for each refusal: " + errors);
    for (String line : errors) {
      assertTrue(line.length() < 300, "short: " + line.length() + " characters: "
          + line.substring(0, Math.min(line.length(), 300)));
      assertTrue(line.contains("1073741824 bytes"), line);
    }
    assertTrue(seconds < 30, "refused within seconds, not after a 30 s climb to gigabytes: " + seconds + " s");
    System.out.println("hostile archives refused in " + seconds + " s:\n" + String.join("\n", errors));
  }
}
