package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The teardown's threads run at nice 19, and so do the processes they start (runc delete, the CNI plugins). */
class BehindTest {
  @Test
  void threadsAndWhatTheyStartRunAtTheLowestPriority() throws Exception {
    ExecutorService behind = Executors.newSingleThreadExecutor(Behind.threads("docklab-test-behind"));
    try {
      int thread = behind.submit(() -> nice(Files.readString(Path.of("/proc/thread-self/stat")))).get(10, TimeUnit.SECONDS);
      String started = behind.submit(() -> {
        Process p = new ProcessBuilder("nice").start(); // coreutils' nice alone prints the niceness it runs at
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        p.waitFor();
        return out;
      }).get(10, TimeUnit.SECONDS);
      assertEquals(Behind.NICE, thread);
      assertEquals(String.valueOf(Behind.NICE), started);
      // the caller's own thread is left as it was
      assertEquals(0, nice(Files.readString(Path.of("/proc/thread-self/stat"))));
    } finally {
      behind.shutdownNow();
    }
  }

  /** The nice value in a stat line of /proc (field 19, counted after the command's closing parenthesis). */
  private static int nice(String stat) {
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(after[16]);
  }
}
