package dev.docklab.engine.container;

import dev.docklab.engine.api.Signals;
import dev.docklab.engine.api.SignalWait;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a container's PID 1 disposes of a signal, read from the host's {@code /proc/PID/status}
 * ({@code SigCgt}: caught, {@code SigIgn}: ignored); with neither, the kernel applies no default
 * action to the init of a PID namespace, so the signal does nothing.
 */
final class Pid1Signals {
  private Pid1Signals() {}

  static SignalWait.Handler handler(long hostPid, String signal) {
    int number = Signals.NAMES.indexOf(signal);
    if (hostPid <= 0 || number <= 0) {
      return SignalWait.Handler.UNKNOWN;
    }
    try {
      List<String> status = Files.readAllLines(Path.of("/proc/" + hostPid + "/status"));
      if (bit(status, "SigCgt:", number)) {
        return SignalWait.Handler.CAUGHT;
      }
      if (bit(status, "SigIgn:", number)) {
        return SignalWait.Handler.IGNORED;
      }
      return status.stream().anyMatch(l -> l.startsWith("SigCgt:")) ? SignalWait.Handler.NONE
          : SignalWait.Handler.UNKNOWN;
    } catch (IOException e) {
      return SignalWait.Handler.UNKNOWN; // it ended meanwhile
    }
  }

  /** PID 1's command name, or {@code ?}. */
  static String command(long hostPid) {
    try {
      return hostPid <= 0 ? "?" : Files.readAllLines(Path.of("/proc/" + hostPid + "/comm")).get(0).strip();
    } catch (IOException | IndexOutOfBoundsException e) {
      return "?";
    }
  }

  private static boolean bit(List<String> status, String field, int number) {
    for (String line : status) {
      if (line.startsWith(field)) {
        return new BigInteger(line.substring(field.length()).strip(), 16).testBit(number - 1);
      }
    }
    return false;
  }
}
