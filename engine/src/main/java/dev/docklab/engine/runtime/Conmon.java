package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.RuntimeFailure;
import dev.docklab.engine.store.ContainerFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-container monitor (conmon, as Podman and CRI-O use it): it runs {@code RUNTIME create},
 * holds the container's stdio (and pty), writes its log, serves the attach socket and records the
 * exit code, so a container outlives the REPL that started it.
 *
 * <p>Files, per container: the log ({@code TIMESTAMP stdout|stderr F|P text} lines), the exit file
 * {@code EXITDIR/ID} (its content the exit code, its mtime the finish time), {@code BUNDLE/attach}
 * (SOCK_SEQPACKET: each packet from conmon is a stream byte, 2 stdout or 3 stderr, then data; bytes
 * sent to it are stdin) and {@code BUNDLE/ctl} (a FIFO: {@code 1 HEIGHT WIDTH\n} resizes the pty).
 */
public final class Conmon {
  private static final long CREATE_TIMEOUT_NANOS = 30_000_000_000L;
  private final Path binary;
  private final OciRuntime runtime;
  private final Path exitDir;

  public Conmon(Path binary, OciRuntime runtime, Path exitDir) {
    this.binary = binary;
    this.runtime = runtime;
    this.exitDir = exitDir;
  }

  /** The conmon binary on this host, or null. */
  public static Path find() {
    return HostFacts.which("conmon");
  }

  /** What {@link #create} started: the container's init pid and the monitor's pid. */
  public record Created(long pid, long monitorPid) {}

  /**
   * Starts a monitor that creates the container (not yet started: the caller may attach first, then
   * {@link OciRuntime#start}). Returns once the container exists.
   *
   * @param leaveStdinOpen keep the container's stdin open when an attached client leaves (a tty, or
   *     a detached container); otherwise the client's end of input ends the container's stdin
   */
  public Created create(String id, String name, ContainerFiles.Bundle bundle, Path log, boolean tty, boolean stdin,
      boolean leaveStdinOpen) {
    return create(id, name, bundle, log, tty, stdin, leaveStdinOpen, List.of(), 0);
  }

  /**
   * Like {@link #create(String, String, ContainerFiles.Bundle, Path, boolean, boolean, boolean)}, and conmon runs
   * {@code exitCommand} (program, then its arguments) {@code exitDelaySeconds} after the container
   * exits: how a restart policy acts when no docklab is open.
   */
  public Created create(String id, String name, ContainerFiles.Bundle bundle, Path log, boolean tty, boolean stdin,
      boolean leaveStdinOpen, List<String> exitCommand, int exitDelaySeconds) {
    return create(id, name, bundle, log, tty, stdin, leaveStdinOpen, exitCommand, exitDelaySeconds, false, -1);
  }

  /**
   * Like the above, with the container's log: none at all ({@code --log-driver none}), or a k8s-file that
   * starts over when it would pass {@code logSizeMax} bytes ({@code --log-opt max-size}; -1 for no bound).
   */
  public Created create(String id, String name, ContainerFiles.Bundle bundle, Path log, boolean tty, boolean stdin,
      boolean leaveStdinOpen, List<String> exitCommand, int exitDelaySeconds, boolean noLog, long logSizeMax) {
    Path pidFile = bundle.pidFile();
    Path monitorPidFile = bundle.monitorPidFile();
    Path runtimeLog = bundle.runtimeLog();
    try {
      Files.createDirectories(exitDir);
      Files.createDirectories(runtime.stateRoot());
      Files.deleteIfExists(pidFile);
      Files.deleteIfExists(monitorPidFile);
      Files.deleteIfExists(runtimeLog);
      Files.deleteIfExists(exitFile(id));
      Files.deleteIfExists(bundle.attachSocket());
      Files.deleteIfExists(bundle.controlFifo());
      Files.deleteIfExists(bundle.winsizeFifo());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.PREPARE_FAILED, e, bundle.dir(), e.getMessage());
    }
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--api-version", "1", "-c", id, "-u", id,
        "-n", name, "-r", runtime.choice().binary().toString(), "-b", bundle.dir().toString(), "-p", pidFile.toString(),
        "--exit-dir", exitDir.toString(), "--full-attach", "-l", noLog ? "none" : "k8s-file:" + log,
        "--conmon-pidfile", monitorPidFile.toString(), "--log-level", "error", "--no-sync-log",
        "--runtime-arg", "--root", "--runtime-arg", runtime.stateRoot().toString(),
        "--runtime-arg", "--log", "--runtime-arg", runtimeLog.toString(),
        "--runtime-arg", "--log-format", "--runtime-arg", "json"));
    if (logSizeMax > 0 && !noLog) {
      cmd.addAll(List.of("--log-size-max", String.valueOf(logSizeMax)));
    }
    if (!exitCommand.isEmpty()) {
      cmd.addAll(List.of("--exit-command", exitCommand.get(0)));
      for (String arg : exitCommand.subList(1, exitCommand.size())) {
        cmd.addAll(List.of("--exit-command-arg", arg));
      }
      if (exitDelaySeconds > 0) {
        cmd.addAll(List.of("--exit-delay", String.valueOf(exitDelaySeconds)));
      }
    }
    if (tty) {
      cmd.add("-t");
    }
    if (stdin) {
      cmd.add("-i");
      if (leaveStdinOpen) {
        cmd.add("--leave-stdin-open");
      }
    }
    Process p;
    try {
      // In the bundle, as Podman starts it: conmon writes a file "oom" in its working directory when the
      // kernel kills the container for memory, which must not land wherever docklab was started.
      p = new ProcessBuilder(cmd).directory(bundle.dir().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.appendTo(bundle.monitorLog().toFile())).start();
      p.waitFor();
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CONMON_START_FAILED, e, binary, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_MONITOR, e);
    }
    long deadline = System.nanoTime() + CREATE_TIMEOUT_NANOS;
    while (System.nanoTime() < deadline) {
      Long pid = readPid(pidFile);
      if (pid != null) {
        Long monitor = readPid(monitorPidFile);
        return new Created(pid, monitor == null ? 0 : monitor);
      }
      String failure = OciRuntime.runtimeError(runtimeLog);
      if (failure != null || Files.exists(exitFile(id))) {
        runtime.delete(id, true);
        throw new RuntimeFailure(runtime.choice().name(),
            failure != null ? failure : "the container could not be created (see " + bundle.monitorLog() + ")");
      }
      sleep(2);
    }
    throw EngineException.system(EngineMessage.CONMON_TIMEOUT, null, id.substring(0, 12), bundle.monitorLog());
  }

  /** The exit file conmon writes when the container's process ends. */
  public Path exitFile(String id) {
    return exitDir.resolve(id);
  }

  /** The exit code and finish time, once the container has exited; null while it runs. */
  public Exit exit(String id) {
    Path f = exitFile(id);
    try {
      String code = Files.readString(f).trim();
      if (code.isEmpty()) {
        return null; // being written
      }
      return new Exit(Integer.parseInt(code), Files.getLastModifiedTime(f).toInstant());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /** How a container ended. */
  public record Exit(int code, Instant at) {}

  /** Forgets the exit file once the engine has recorded it. */
  public void clearExit(String id) {
    try {
      Files.deleteIfExists(exitFile(id));
    } catch (IOException e) {
      // read again next time: recording an exit is idempotent
    }
  }

  /** Resizes the container's pty to the learner's terminal. */
  public static void resize(ContainerFiles.Bundle bundle, int rows, int cols) {
    Path ctl = bundle.controlFifo();
    if (!Files.exists(ctl)) {
      return;
    }
    try {
      Files.write(ctl, ("1 " + rows + " " + cols + "\n").getBytes(StandardCharsets.US_ASCII),
          StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the container is gone
    }
  }

  static Long readPid(Path file) {
    try {
      String s = Files.readString(file).trim();
      return s.isEmpty() ? null : Long.parseLong(s);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_STARTING, e);
    }
  }
}
