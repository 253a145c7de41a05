package dev.docklab.shell.lesson;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Images;
import dev.docklab.engine.api.Info;
import dev.docklab.engine.api.LogLine;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.SystemService;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine made of a list of containers, for the lesson words' unit tests: what the checks read
 * (containers, their logs and diffs, the data root) and whether removed things are kept, nothing else.
 */
final class FakeEngine {
  final List<Container> containers = new ArrayList<>();
  final Map<String, List<String>> logs = new HashMap<>();
  final Path dataRoot;
  /** Whether a lesson asked the engine to keep what is removed. */
  boolean keeping;
  private int next = 1;

  FakeEngine(Path dataRoot) {
    this.dataRoot = dataRoot;
  }

  /** A container just created from {@code image}, exited with {@code exitCode}, that printed {@code log}. */
  void exited(String image, int exitCode, String log, String... command) {
    String id = String.format("%064x", next++);
    Container.State st = new Container.State(ContainerStatus.EXITED, 0, exitCode, "", null, null, 0, false);
    containers.add(0, new Container(id, "c" + next, Instant.now().toString(), image, "sha256:" + "f".repeat(64),
        command[0], List.of(command).subList(1, command.length), List.of(), "/", "", "overlay2",
        new Container.HostConfig(0, 0, false, RestartPolicy.NO), st, false, false, 0));
    logs.put(id, List.of(log));
  }

  Engine engine() {
    Containers cs = proxy(Containers.class, (name, args) -> switch (name) {
      case "list" -> List.copyOf(containers);
      case "logs" -> new Containers.Logs(logs.getOrDefault((String) args[0], List.of()).stream()
          .map(l -> new LogLine(Instant.now(), 1, l)).toList(), 0);
      case "diff" -> List.<Change>of();
      default -> UNFAKED;
    });
    Images is = proxy(Images.class, (name, args) -> name.equals("find") ? null : name.equals("list") ? List.of() : UNFAKED);
    SystemService sys = proxy(SystemService.class, (name, args) -> switch (name) {
      case "info" -> new Info(0, 0, 0, 0, 0, "overlay2", "extfs", "runc", "", 1, true, "cgroupfs", "6.1", "Debian",
          "x86_64", 2, 0, dataRoot, "0.1.0", List.of());
      case "keepsRemoved" -> keeping;
      case "keepRemoved" -> {
        keeping = (Boolean) args[0];
        yield null;
      }
      case "dropKept" -> null;
      default -> UNFAKED;
    });
    return proxy(Engine.class, (name, args) -> switch (name) {
      case "containers" -> cs;
      case "images" -> is;
      case "system" -> sys;
      default -> UNFAKED;
    });
  }

  private static final Object UNFAKED = new Object();

  private interface Answer {
    Object of(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
      if (m.getName().equals("toString")) {
        return "fake " + type.getSimpleName();
      }
      Object r = answer.of(m.getName(), args);
      if (r == UNFAKED) {
        throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName() + " is not faked");
      }
      return r;
    }));
  }
}
