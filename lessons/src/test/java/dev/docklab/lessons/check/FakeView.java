package dev.docklab.lessons.check;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.RestartPolicy;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An engine's state made by hand: the seam the checks read, without an engine behind it. */
final class FakeView implements EngineView {
  static final Instant LESSON = Instant.parse("2025-01-01T10:00:00Z");
  static final Instant STEP = Instant.parse("2025-01-01T10:05:00Z");

  final List<Box> boxes = new ArrayList<>();
  final Map<String, Image> images = new HashMap<>();
  final Map<String, List<Change>> diffs = new HashMap<>();
  final Map<String, List<String>> logs = new HashMap<>();
  /** The hub's tags ({@code student/hello:v1}) and their manifest digests. */
  final Map<String, String> hub = new HashMap<>();
  /** Copy-on-write facts by container id, then path. */
  final Map<String, Map<String, String>> cow = new HashMap<>();
  /** What images' top layers hold, by {@code ref path}. */
  final Map<String, String> topLayers = new HashMap<>();
  /** What JShell snippets give, by snippet. */
  final Map<String, String> snippets = new HashMap<>();
  /** Logins by server. */
  final Map<String, String> logins = new HashMap<>();

  @Override
  public List<Container> containers() {
    List<Container> newestFirst = new ArrayList<>();
    for (Box b : boxes) {
      newestFirst.add(0, b.record());
    }
    return newestFirst;
  }

  @Override
  public String java(String snippet) {
    return snippets.get(snippet);
  }

  @Override
  public Image image(String ref) {
    return images.get(ref);
  }

  @Override
  public List<Change> diff(String containerId) {
    return diffs.getOrDefault(containerId, List.of());
  }

  @Override
  public List<String> log(String containerId) {
    return logs.getOrDefault(containerId, List.of());
  }

  @Override
  public Map<String, String> cow(String containerId) {
    return cow.getOrDefault(containerId, Map.of());
  }

  @Override
  public String topLayer(String ref, String path) {
    return images.containsKey(ref) ? topLayers.getOrDefault(ref + " " + path, "NONE") : null;
  }

  @Override
  public String hubDigest(String repository, String tag) {
    return hub.get(repository + ":" + tag);
  }

  @Override
  public String user(String server) {
    return logins.get(server);
  }

  Probe probe() {
    return probe(null);
  }

  Probe probe(String answer) {
    return new Probe(this, (port, path) -> {
      throw new IOException("no HTTP here");
    }, LESSON, STEP, answer);
  }

  /** A container as {@code docker run} would record it; change it with the with-methods of {@link Box}. */
  Box add(String name, String image, String... command) {
    Box b = new Box(name, image, command);
    b.view = this;
    boxes.add(b);
    return b;
  }

  /** An image with {@code layers} diff ids (by number), under {@code refs}. */
  Image image(int idNumber, List<Integer> layers, String author, String comment, List<String> cmd, String... refs) {
    List<String> diffIds = layers.stream().map(FakeView::hex).map(h -> "sha256:" + h).toList();
    ImageConfig config = new ImageConfig("amd64", "linux", "2025-01-01T00:00:00Z", author,
        ImageConfig.RunConfig.of(List.of(), cmd), new ImageConfig.RootFs("layers", diffIds),
        List.of(new ImageConfig.History("2025-01-01T00:00:00Z", "made", author, comment, null)));
    Image image = new Image(Digest.sha256(hex(idNumber)), Digest.sha256(hex(idNumber + 1000)), config,
        List.of(refs).stream().map(ImageReference::parse).toList(), 0);
    for (String r : refs) {
      images.put(r, image);
    }
    return image;
  }

  static String hex(int n) {
    return String.format("%064x", n);
  }

  /** A container being described. */
  static final class Box {
    final String id;
    String name;
    String image;
    String imageId;
    List<String> command;
    ContainerStatus status = ContainerStatus.RUNNING;
    int exitCode;
    boolean tty;
    boolean interactive;
    Instant created = LESSON.plusSeconds(60);
    Instant started;
    List<PortMapping> asked = List.of();
    List<PortMapping> got = List.of();
    boolean publishAll;
    List<Container.MountPoint> mounts = List.of();
    Map<String, String> labels = Map.of();
    FakeView view;
    private static int next = 1;

    Box(String name, String image, String... command) {
      this.id = hex(next++);
      this.name = name;
      this.image = image;
      this.command = List.of(command);
    }

    Box exited(int code) {
      status = ContainerStatus.EXITED;
      exitCode = code;
      return save();
    }

    Box created() {
      status = ContainerStatus.CREATED;
      return save();
    }

    Box tty() {
      tty = true;
      interactive = true;
      return save();
    }

    Box startedAt(Instant when) {
      started = when;
      return save();
    }

    Box createdAt(Instant when) {
      created = when;
      return save();
    }

    Box imageId(Image i) {
      imageId = i.id().toString();
      return save();
    }

    Box publish(int host, int container) {
      asked = List.of(new PortMapping("", host, container, "tcp"));
      got = List.of(new PortMapping("", host == 0 ? 49153 : host, container, "tcp"));
      return save();
    }

    Box publishAll(int hostPort, int container) {
      publishAll = true;
      got = List.of(new PortMapping("", hostPort, container, "tcp"));
      return save();
    }

    Box mount(Container.MountPoint m) {
      mounts = List.of(m);
      return save();
    }

    Box label(String k, String v) {
      labels = Map.of(k, v);
      return save();
    }

    Box log(String... lines) {
      view.logs.put(id, List.of(lines));
      return this;
    }

    Box diff(Change... changes) {
      view.diffs.put(id, List.of(changes));
      return this;
    }

    Box save() {
      return this;
    }

    Container record() {
      Container.HostConfig hc = new Container.HostConfig(0, 0, false, RestartPolicy.NO, "bridge", asked, publishAll);
      Container.State st = new Container.State(status, status == ContainerStatus.RUNNING ? 4242 : 0, exitCode, "",
          started == null ? null : started.toString(), null, 0, false);
      Endpoint ep = status == ContainerStatus.RUNNING
          ? new Endpoint("bridge", "/run/netns/x", "172.17.0.2", 16, "172.17.0.1", "", "veth0", got, null) : null;
      return new Container(id, name, created.toString(), image,
          imageId == null ? "sha256:" + hex(999) : imageId, command.isEmpty() ? "sh" : command.get(0),
          command.isEmpty() ? List.of() : command.subList(1, command.size()), List.of(), "/", "", "overlay2", hc, st,
          tty, interactive, 0, mounts, List.of(), ep, labels);
    }
  }
}
