package dev.docklab.shell.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A process's memory as {@code explain vm} reports it: its PSS (proportional set size: the pages it
 * maps, each shared page divided among the processes that share it) from {@code /proc/PID/smaps_rollup},
 * read once the process runs its own program (not the runtime's init still setting it up), median of
 * a few reads.
 */
final class Pss {
  /** How many reads the median is taken over. */
  static final int READS = 5;

  private Pss() {}

  /** Waits (up to two seconds) until process {@code pid} runs {@code command}; false if it never did. */
  static boolean awaitCommand(long pid, List<String> command) throws InterruptedException {
    byte[] want = (String.join("\0", command) + "\0").getBytes();
    for (int i = 0; i < 200; i++) {
      try {
        if (Arrays.equals(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), want)) {
          return true;
        }
      } catch (IOException e) {
        return false; // the process is gone
      }
      Thread.sleep(10);
    }
    return false;
  }

  /** The median of {@link #READS} reads of the PSS of {@code pid}, in kB, 20 ms apart; 0 if it is gone. */
  static long medianKb(long pid) throws InterruptedException {
    List<Long> reads = new ArrayList<>();
    for (int i = 0; i < READS; i++) {
      if (i > 0) {
        Thread.sleep(20);
      }
      reads.add(kb(pid));
    }
    Collections.sort(reads);
    return reads.get(READS / 2);
  }

  /** One read of {@code Pss:} in /proc/PID/smaps_rollup, in kB; 0 if the process is gone. */
  static long kb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return 0; // the process is gone
    }
    return 0;
  }
}
