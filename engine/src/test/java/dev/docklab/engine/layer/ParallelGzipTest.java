package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.digest.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ParallelGzipTest {
  /** About 3.5 MiB of text-like data (so several blocks, the last one short) and some noise. */
  private static byte[] sample() {
    Random random = new Random(7);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String[] words = {"layer", "container", "image", "overlay", "whiteout", "copy-up", "runc", "cgroup", "\n"};
    while (b.size() < 3_500_000) {
      String w = words[random.nextInt(words.length)] + (random.nextInt(10) == 0 ? random.nextInt() : " ");
      b.writeBytes(w.getBytes());
    }
    return b.toByteArray();
  }

  private static byte[] gzip(byte[] data, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void whatItWritesIsOneGzipFileThatReadsBackWholeWithTheDigestOfItsBytes() throws IOException {
    byte[] data = sample();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ParallelGzip.Written w = ParallelGzip.compress(new ByteArrayInputStream(data), out);

    byte[] bytes = out.toByteArray();
    assertEquals(bytes.length, w.size());
    assertEquals(Sha256.of(bytes), w.digest());
    assertArrayEquals(data, new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(),
        "every member is read, as gzip -d reads them");
  }

  @Test
  void itsSizeIsWithinTenPercentOfGzipsDefaultLevelAndItIsTheSameEachTime() throws IOException {
    byte[] data = sample();
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();

    ParallelGzip.compress(new ByteArrayInputStream(data), a);
    ParallelGzip.compress(new ByteArrayInputStream(data), b);

    int reference = gzip(data, Deflater.DEFAULT_COMPRESSION).length;
    assertTrue(a.size() <= reference * 1.10, a.size() + " bytes vs gzip -6's " + reference);
    assertArrayEquals(a.toByteArray(), b.toByteArray(), "the same layer gets the same digest on every push");
  }

  @Test
  void anEmptyInputIsAnEmptyGzipFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParallelGzip.compress(new ByteArrayInputStream(new byte[0]), out);
    assertEquals(0, new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes().length);
  }

  @Test
  void aGzipWithoutCompressionIsToldFromACompressedOne() throws IOException {
    byte[] data = sample();
    assertTrue(ParallelGzip.isStored(new ByteArrayInputStream(gzip(data, Deflater.NO_COMPRESSION))));
    assertFalse(ParallelGzip.isStored(new ByteArrayInputStream(gzip(data, Deflater.DEFAULT_COMPRESSION))));
    assertFalse(ParallelGzip.isStored(new ByteArrayInputStream("not gzip at all".getBytes())));
  }
}
