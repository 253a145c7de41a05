package dev.docklab.lessons.check;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container exists (or, with {@code exists: false}, none does) with every property asked: its
 * name, image, label, state, exit code, terminal, open stdin, command, a published port, a mount and
 * a line of its log. How it got so does not matter ({@code run} or {@code create} + {@code start},
 * any name, long or short flags). Only containers in {@code since} count (default: the lesson's).
 *
 * @param command text its command line contains
 * @param publishes a published port: {@code 80} (container port, any host port), {@code 8080:80}, {@code 53/udp}
 * @param log text one of its log lines contains
 */
public record ContainerCheck(String name, String image, String label, Scope since, Boolean exists, String state,
    Integer exitCode, Boolean tty, Boolean interactive, String command, String publishes, Boolean publishAll,
    MountWant mount, String log) implements Check {

  public ContainerCheck {
    since = since == null ? Scope.LESSON : since;
    exists = exists == null ? Boolean.TRUE : exists;
    if (state != null) {
      try {
        ContainerStatus.of(state);
      } catch (EngineException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    if (publishes != null) {
      Published.parse(publishes);
    }
  }

  /** Any container (of the lesson) whose name is {@code name}. */
  public static ContainerCheck named(String name) {
    return new ContainerCheck(name, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A bind mount or volume asked of a container.
   *
   * @param destination the path inside the container
   * @param type bind or volume (any when null)
   * @param source the host path or the volume's name (any when null)
   * @param readOnly {@code :ro} (either when null)
   */
  public record MountWant(String destination, String type, String source, Boolean readOnly) {
    public MountWant {
      if (destination == null || !destination.startsWith("/")) {
        throw new IllegalArgumentException("mount: destination must be an absolute path");
      }
    }

    boolean matches(Container.MountPoint m) {
      return destination.equals(m.destination()) && (type == null || type.equals(m.type()))
          && (source == null || source.equals(m.type().equals("volume") ? m.name() : m.source()))
          && (readOnly == null || readOnly == m.readOnly());
    }

    @Override
    public String toString() {
      return (source == null ? "" : source + ":") + destination + (readOnly == null ? "" : readOnly ? ":ro" : ":rw");
    }
  }

  @Override
  public String kind() {
    return exists ? "container" : "no-container";
  }

  @Override
  public List<Fact> facts() {
    List<Fact> f = new ArrayList<>();
    add(f, "name", name);
    add(f, "image", image);
    add(f, "label", label);
    add(f, "state", state);
    add(f, "exitCode", exitCode);
    add(f, "tty", tty);
    add(f, "interactive", interactive);
    add(f, "command", command);
    add(f, "publishes", publishes);
    add(f, "publishAll", publishAll);
    add(f, "mount", mount);
    add(f, "log", log);
    return f;
  }

  private static void add(List<Fact> facts, String name, Object value) {
    if (value != null) {
      facts.add(new Fact(name, value.toString()));
    }
  }

  @Override
  public Verdict test(Probe probe) {
    Container found = find(probe);
    if (!exists) {
      return Verdict.of(found == null);
    }
    return found == null ? Verdict.NO : Verdict.by(found.name());
  }

  /** The newest container in scope with every property asked, or null. */
  public Container find(Probe probe) {
    return all(probe).stream().findFirst().orElse(null);
  }

  /** Every container in scope with every property asked, newest first. */
  public List<Container> all(Probe probe) {
    String imageId = imageId(probe);
    return probe.containers(since).stream().filter(c -> matches(c, imageId, probe)).toList();
  }

  private String imageId(Probe probe) {
    if (image == null) {
      return null;
    }
    Image i = probe.view().image(image);
    return i == null ? null : i.id().toString();
  }

  private boolean matches(Container c, String imageId, Probe probe) {
    return (name == null || name.equals(c.name()))
        && (image == null || image.equals(c.image()) || (imageId != null && imageId.equals(c.imageId())))
        && (label == null || hasLabel(c.labels()))
        && (state == null || c.state().status() == ContainerStatus.of(state))
        && (exitCode == null || (c.state().status() == ContainerStatus.EXITED && c.state().exitCode() == exitCode))
        && (tty == null || tty == c.tty())
        && (interactive == null || interactive == c.openStdin())
        && (command == null || String.join(" ", c.command()).contains(command))
        && (publishes == null || Published.parse(publishes).in(ports(c)))
        && (publishAll == null || publishAll == c.hostConfig().publishAll())
        && (mount == null || c.mounts().stream().anyMatch(mount::matches))
        && (log == null || probe.view().log(c.id()).stream().anyMatch(l -> l.contains(log)));
  }

  private boolean hasLabel(Map<String, String> labels) {
    int eq = label.indexOf('=');
    return eq < 0 ? labels.containsKey(label) : label.substring(eq + 1).equals(labels.get(label.substring(0, eq)));
  }

  /** The ports it publishes: those it got while it runs, and those it asked for. */
  static List<PortMapping> ports(Container c) {
    List<PortMapping> all = new ArrayList<>(c.hostConfig() == null ? List.of() : c.hostConfig().portBindings());
    if (c.network() != null) {
      all.addAll(c.network().ports());
    }
    return all;
  }
}
