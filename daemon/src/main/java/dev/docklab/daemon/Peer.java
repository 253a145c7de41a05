package dev.docklab.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process at the other end of a connection to the daemon's Unix socket, as the kernel gives it
 * ({@code SO_PEERCRED}): its PID, its user, its command line, and its ancestors' PIDs, read when the
 * connection opened (while the client surely ran).
 *
 * @param pid the client's PID; 0 when unknown (a TCP client, or the kernel would not say)
 * @param uid the client's user id; -1 when unknown
 * @param command the client's command line ({@code docker events}), empty when unknown
 * @param lineage the client's PID, then its parent's, up to PID 1
 */
public record Peer(long pid, int uid, String command, List<Long> lineage) {
  public Peer {
    lineage = List.copyOf(lineage);
  }

  /** A client the kernel named nothing of (TCP, or no credentials). */
  public static Peer unknown() {
    return new Peer(0, -1, "", List.of());
  }

  /** Whether the client is process {@code pid} or one of its descendants (a bash line's docker, say). */
  public boolean descendsFrom(long pid) {
    return lineage.contains(pid);
  }

  /** Whether the client's process still runs (true when its PID is unknown); an unreaped zombie runs no more. */
  public boolean running() {
    if (pid <= 0) {
      return true;
    }
    try {
      String stat = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")).get(0);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The process {@code pid} of user {@code uid}, its command line and ancestors read from /proc now. */
  static Peer of(long pid, int uid) {
    return new Peer(pid, uid, commandLine(pid), lineage(pid));
  }

  /** What ran as {@code pid}, as {@code ps -o args} shows it; empty when the process is gone. */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static List<Long> lineage(long pid) {
    List<Long> out = new ArrayList<>();
    for (long p = pid; p > 0 && out.size() < 64 && !out.contains(p); p = parent(p)) {
      out.add(p);
    }
    return out;
  }

  /** The parent of {@code pid} from /proc/PID/stat (field 4, after the command in parentheses); 0 when gone. */
  static long parent(long pid) {
    try {
      String stat = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")).get(0);
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(rest[1]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
