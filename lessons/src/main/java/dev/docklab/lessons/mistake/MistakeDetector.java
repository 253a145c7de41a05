package dev.docklab.lessons.mistake;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.lessons.check.Probe;
import dev.docklab.lessons.model.Mistake;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Recognises, after a line, a mistake a learner often makes, from the engine's state and the line's
 * status: the line only says which name, image or container to look at.
 */
public final class MistakeDetector {
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");
  /**
   * The statuses of a command the container could not find: 127 (Docker's), 126, and 255 (runc's
   * exec failure as docklab's exec reports it).
   */
  private static final Set<Integer> NOT_FOUND = Set.of(126, 127, 255);

  private MistakeDetector() {}

  /**
   * The mistake {@code line}, which ended with {@code status} and started at {@code since}, made;
   * or null.
   */
  public static Found detect(String line, int status, Instant since, MistakeView view) {
    DockerLine d = DockerLine.parse(line);
    if (d == null) {
      return null;
    }
    Found byLine = switch (d.command()) {
      case "run", "create" -> first(status == 0 ? null : nameInUse(d, since, view),
          NOT_FOUND.contains(status) ? noBash(d) : null, status == 0 ? null : notOnHub(d.operands(), view));
      case "exec" -> NOT_FOUND.contains(status) ? noBash(d) : null;
      case "rename" -> status == 0 || d.operands().size() < 2 ? null
          : inUse(d.operands().get(1), since, view);
      case "attach" -> notShell(d, view);
      case "pull" -> status == 0 ? null : notOnHub(d.operands(), view);
      case "push" -> status == 0 ? null : pushRefused(d, view);
      default -> null;
    };
    return byLine != null ? byLine : notExposed(since, view); // the state, whatever line made it
  }

  /** A container made since {@code since} publishes a port its image does not EXPOSE. */
  static Found notExposed(Instant since, MistakeView view) {
    for (Container c : view.containers()) {
      if (!Probe.createdSince(c, since) || c.hostConfig() == null) {
        continue;
      }
      Set<String> exposed = view.exposes(c.imageId());
      if (exposed == null || exposed.isEmpty()) {
        continue;
      }
      for (PortMapping p : c.hostConfig().portBindings()) {
        if (!exposed.contains(p.containerPort() + "/" + p.proto())) {
          String ports = String.join(", ", exposed.stream().map(e -> e.replace("/tcp", "")).toList());
          return Found.of(Mistake.PORT_NOT_EXPOSED, String.valueOf(p.containerPort()), c.image(), ports,
              p.hostPort() == 0 ? "8080" : String.valueOf(p.hostPort()));
        }
      }
    }
    return null;
  }

  private static Found nameInUse(DockerLine d, Instant since, MistakeView view) {
    List<String> names = d.values("--name");
    return names.isEmpty() ? null : inUse(names.get(names.size() - 1), since, view);
  }

  /** The name is taken by a container older than the line. */
  private static Found inUse(String name, Instant since, MistakeView view) {
    for (Container c : view.containers()) {
      if (c.name().equals(name) && !Probe.createdSince(c, since)) {
        return Found.of(Mistake.NAME_IN_USE, name, c.id().substring(0, Math.min(12, c.id().length())));
      }
    }
    return null;
  }

  /** The command of the line (after image or container) is bash, and it was not found (status 127). */
  private static Found noBash(DockerLine d) {
    List<String> ops = d.operands();
    if (ops.size() < 2) {
      return null;
    }
    String program = ops.get(1);
    return program.equals("bash") || program.endsWith("/bash") ? Found.of(Mistake.NO_BASH, ops.get(0)) : null;
  }

  /** The line named an image that is not here after it failed: the hub did not have it either. */
  private static Found notOnHub(List<String> operands, MistakeView view) {
    if (operands.isEmpty() || !ImageReference.isValid(operands.get(0))) {
      return null;
    }
    String ref = operands.get(0);
    return view.exposes(ref) == null ? Found.of(Mistake.NOT_ON_HUB, ref) : null;
  }

  /** {@code attach} to a container whose process is not a shell. */
  private static Found notShell(DockerLine d, MistakeView view) {
    List<String> ops = d.operands();
    if (ops.isEmpty()) {
      return null;
    }
    for (Container c : view.containers()) {
      if (c.name().equals(ops.get(0)) || c.id().startsWith(ops.get(0))) {
        String path = c.path() == null ? "" : c.path();
        String program = path.substring(path.lastIndexOf('/') + 1);
        return SHELLS.contains(program) ? null : Found.of(Mistake.ATTACH_NOT_SHELL, c.name(), path);
      }
    }
    return null;
  }

  /**
   * A push of an image that is here, refused: nobody is logged in to its registry, or the one who is
   * may not push outside their own namespace.
   */
  private static Found pushRefused(DockerLine d, MistakeView view) {
    List<String> ops = d.operands();
    if (ops.isEmpty() || !ImageReference.isValid(ops.get(0)) || view.exposes(ops.get(0)) == null) {
      return null;
    }
    ImageReference ref = ImageReference.parse(ops.get(0));
    String user = view.user(ref.domain());
    if (user == null) {
      String server = ref.domain().equals(ImageReference.DEFAULT_DOMAIN) ? "" : " " + ref.domain();
      return Found.of(Mistake.PUSH_NOT_LOGGED_IN, ops.get(0), server);
    }
    String namespace = ref.namespace() == null ? "library" : ref.namespace();
    return namespace.equals(user) ? null : Found.of(Mistake.PUSH_OUTSIDE_NAMESPACE, ops.get(0), namespace, user);
  }


  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T t : candidates) {
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}
