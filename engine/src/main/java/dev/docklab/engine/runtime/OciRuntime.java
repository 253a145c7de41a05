package dev.docklab.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Resources;
import dev.docklab.engine.api.RuntimeFailure;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.ContainerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives an OCI runtime binary (runc or crun) on bundles the engine wrote, with the engine's own
 * state directory ({@code --root}) so that its containers never mix with another engine's.
 */
public final class OciRuntime {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RuntimeChoice choice;
  private final Path stateRoot;

  public OciRuntime(RuntimeChoice choice, Path stateRoot) {
    this.choice = choice;
    this.stateRoot = stateRoot;
  }

  public RuntimeChoice choice() {
    return choice;
  }

  public Path stateRoot() {
    return stateRoot;
  }

  /** Writes the bundle's {@code config.json}. */
  public static void writeBundle(ContainerFiles.Bundle bundle, Map<String, Object> spec) {
    try {
      Files.createDirectories(bundle.dir());
      AtomicFiles.writeNoSync(bundle.config(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BUNDLE_WRITE_FAILED, e, bundle.dir(), e.getMessage());
    }
  }

  /**
   * Starts a created container (the monitor already holds its stdio). The runtime's init process
   * waits on {@code STATE/ID/exec.fifo}; reading it is all {@code runc start} does, so the engine
   * reads it itself and spares a runtime process. When there is no such fifo (another runtime's
   * layout), it runs {@code RUNTIME start}.
   */
  public void start(String id) {
    Path fifo = stateRoot.resolve(id).resolve("exec.fifo");
    if (Files.exists(fifo)) {
      try {
        byte[] data = Files.readAllBytes(fifo);
        Files.deleteIfExists(fifo);
        if (data.length > 0) {
          return;
        }
      } catch (IOException e) {
        // fall back to the runtime's own start
      }
    }
    exec(List.of("start", id), false);
  }

  /**
   * Changes a running container's cgroup at once ({@code RUNTIME update --resources -}): {@code resources} is
   * the OCI spec's {@code linux.resources} shape, with the memory limit {@code memory} (0 for none).
   */
  public void update(String id, Resources resources, long memory, long pidsLimit, boolean swapLimit) {
    Map<String, Object> res = SpecResources.linuxResources(resources, memory, swapLimit);
    if (memory <= 0) {
      // lift a limit: -1 is "unlimited" to the runtime, as Docker sends it
      Map<String, Object> mem = new LinkedHashMap<>();
      mem.put("limit", -1L);
      if (swapLimit) {
        mem.put("swap", -1L);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> asked = (Map<String, Object>) res.getOrDefault("memory", Map.of());
      asked.forEach((k, v) -> {
        if (!k.equals("limit") && !k.equals("swap")) {
          mem.put(k, v);
        }
      });
      res.put("memory", mem);
    }
    res.put("pids", Map.of("limit", pidsLimit > 0 ? pidsLimit : -1L));
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(res);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>(List.of(choice.binary().toString(), "--root", stateRoot.toString(), "update",
        "--resources", "-", id));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (var in = p.getOutputStream()) {
        in.write(json);
      }
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw EngineException.system(out.replaceAll("(?m)^time=\\S+ level=error msg=", "").replaceAll("^\"|\"$", ""),
            null);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.RUN_FAILED, e, choice.name(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_RUNNING, e, choice.name());
    }
  }

  /** Sends a signal to a running container's init process. */
  public void kill(String id, String signal) {
    exec(List.of("kill", id, signal), false);
  }

  /** Freezes every process of the container (the freezer cgroup). */
  public void pause(String id) {
    exec(List.of("pause", id), false);
  }

  public void resume(String id) {
    exec(List.of("resume", id), false);
  }

  /** The runtime's view: created, running, paused, stopped; null when it does not know the container. */
  public String status(String id) {
    String out = exec(List.of("state", id), true);
    if (out.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(out).path("status").asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code RUNTIME ps ID}: the container's processes as the host's ps shows them. */
  public String ps(String id) {
    return exec(List.of("ps", id), false);
  }

  /** The command line for {@code RUNTIME exec} of a process in a running container. */
  public List<String> execCommand(String id, List<String> env, String cwd, boolean tty, List<String> command) {
    List<String> cmd = new ArrayList<>(List.of(choice.binary().toString(), "--root", stateRoot.toString(), "exec"));
    if (tty) {
      cmd.add("--tty");
    }
    for (String e : env) {
      cmd.add("--env");
      cmd.add(e);
    }
    if (cwd != null) {
      cmd.add("--cwd");
      cmd.add(cwd);
    }
    cmd.add(id);
    cmd.addAll(command);
    return cmd;
  }

  /** Forgets a container in the runtime's state dir, killing it first if {@code force}. */
  public void delete(String id, boolean force) {
    exec(force ? List.of("delete", "--force", id) : List.of("delete", id), true);
  }

  /** The ids of containers in this engine's runtime state dir. */
  public List<String> list() {
    if (!Files.isDirectory(stateRoot)) {
      return List.of();
    }
    String out = exec(List.of("list", "-q"), true);
    return out.isBlank() ? List.of() : List.of(out.strip().split("\\s+"));
  }

  private String exec(List<String> args, boolean quiet) {
    List<String> cmd = new ArrayList<>(List.of(choice.binary().toString(), "--root", stateRoot.toString()));
    cmd.addAll(args);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      int code = p.waitFor();
      if (code != 0 && !quiet) {
        throw EngineException.system(choice.name() + " " + String.join(" ", args.subList(0, 1)) + " failed: "
            + out.strip().replaceAll("^time=\\S+ level=error msg=", ""), null);
      }
      return code == 0 ? out : "";
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.RUN_FAILED, e, choice.name(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_RUNNING, e, choice.name());
    }
  }

  /** The last error the runtime logged, or null when it logged none. */
  static String runtimeError(Path log) {
    if (!Files.isRegularFile(log)) {
      return null;
    }
    String last = null;
    try {
      for (String line : Files.readAllLines(log)) {
        try {
          JsonNode n = JSON.readTree(line);
          if ("error".equals(n.path("level").asText())) {
            last = n.path("msg").asText();
          }
        } catch (IOException e) {
          // not a JSON line
        }
      }
    } catch (IOException e) {
      return null;
    }
    return last;
  }

}
