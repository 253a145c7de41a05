package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {
  @TempDir
  Path dir;

  private static byte[] tar(String... namesAndTexts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        byte[] data = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(namesAndTexts[i]);
        e.setSize(data.length);
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void unpacksAContext() throws IOException {
    ContextTar.unpack(new ByteArrayInputStream(tar("Dockerfile", "FROM busybox\n", "app/f", "x")), dir);
    assertEquals("FROM busybox\n", Files.readString(dir.resolve("Dockerfile")));
    assertEquals("x", Files.readString(dir.resolve("app/f")));
  }

  @Test
  void acceptsTheClientsContextWithoutItsEndBlocks() throws IOException {
    byte[] whole = tar("f", "x", ".dockerfile.1234", "FROM busybox\n");
    // what the docker CLI sends for -f outside the context: the last entry's data, then nothing
    byte[] cut = Arrays.copyOf(whole, 3 * 512 + "FROM busybox\n".length());
    ContextTar.unpack(new ByteArrayInputStream(cut), dir);
    assertEquals("FROM busybox\n", Files.readString(dir.resolve(".dockerfile.1234")));
  }

  @Test
  void refusesAnEntryThatLeavesTheContext() throws IOException {
    byte[] evil = tar("../escaped", "x");
    ApiError e = assertThrows(ApiError.class, () -> ContextTar.unpack(new ByteArrayInputStream(evil), dir));
    assertEquals("build context entry outside the context: ../escaped", e.getMessage());
    assertFalse(Files.exists(dir.getParent().resolve("escaped")));
  }

  @Test
  void refusesDataCutInTheMiddle() throws IOException {
    byte[] whole = tar("f", "0123456789");
    byte[] cut = Arrays.copyOf(whole, 512 + 4);
    assertThrows(IOException.class, () -> ContextTar.unpack(new ByteArrayInputStream(cut), dir));
  }
}
