package dev.docklab.engine.registry.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports how many bytes were read so far, at most every 64 KiB and at the end: a progress bar's feed. */
final class Counted extends FilterInputStream {
  private static final long STEP = 65536;
  private final LongConsumer progress;
  private long count;
  private long reported;

  Counted(InputStream in, LongConsumer progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    } else if (n < 0 && reported != count) {
      reported = count;
      progress.accept(count);
    }
    return n;
  }

  private void advance(long n) {
    count += n;
    if (count - reported >= STEP) {
      reported = count;
      progress.accept(count);
    }
  }
}
