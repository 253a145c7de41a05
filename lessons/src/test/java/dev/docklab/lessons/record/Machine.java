package dev.docklab.lessons.record;

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
import dev.docklab.lessons.check.EngineView;
import dev.docklab.lessons.check.Probe;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An engine's images and containers made by hand, as the engine's api records them: the snapshot a
 * recording takes of them, and the view a lesson's checks read.
 */
final class Machine implements EngineView {
  /** When the lesson started: containers made by the lines are newer. */
  static final Instant LESSON = Instant.parse("2025-01-01T10:00:00Z");

  final List<Image> images = new ArrayList<>();
  final List<Container> containers = new ArrayList<>();

  Machine copy() {
    Machine m = new Machine();
    m.images.addAll(images);
    m.containers.addAll(containers);
    return m;
  }

  Snapshot snapshot() {
    return new Snapshot(images.stream().filter(i -> !i.repoTags().isEmpty()).map(SeenImage::of).toList(),
        containers.stream().map(SeenContainer::of).toList());
  }

  Probe probe() {
    return new Probe(this, (port, path) -> {
      throw new IOException("no HTTP here");
    }, LESSON, LESSON, null);
  }

  /** An image of {@code layers} (by number), with an author, the comment of its last step and a CMD. */
  Image image(int id, List<Integer> layers, String author, String comment, List<String> cmd, String... refs) {
    List<String> diffIds = layers.stream().map(n -> "sha256:" + hex(n)).toList();
    ImageConfig config = new ImageConfig("amd64", "linux", "2025-01-01T00:00:00Z", author,
        ImageConfig.RunConfig.of(List.of(), cmd), new ImageConfig.RootFs("layers", diffIds),
        List.of(new ImageConfig.History("2025-01-01T00:00:00Z", "made", author, comment, null)));
    Image image = new Image(Digest.sha256(hex(id)), Digest.sha256(hex(id + 1000)), config,
        List.of(refs).stream().map(ImageReference::parse).toList(), 0);
    images.add(image);
    return image;
  }

  /** {@code image} under one more name ({@code docker tag}). */
  void tag(Image image, String ref) {
    List<ImageReference> refs = new ArrayList<>(image.repoTags());
    refs.add(ImageReference.parse(ref));
    images.set(images.indexOf(image), new Image(image.id(), image.manifest(), image.config(), refs, 0));
  }

  /** The name {@code ref} removed ({@code docker rmi}): the image goes with its last name. */
  void untag(String ref) {
    Image i = image(ref);
    List<ImageReference> refs = new ArrayList<>(i.repoTags());
    refs.removeIf(r -> r.withDefaultTag().equals(ImageReference.parse(ref).withDefaultTag()));
    images.remove(i);
    if (!refs.isEmpty()) {
      images.add(new Image(i.id(), i.manifest(), i.config(), refs, 0));
    }
  }

  /** A container, newest first as the engine lists them. */
  Container run(String id, String name, String typedImage, ContainerStatus status, int exitCode,
      List<PortMapping> ports, List<Container.MountPoint> mounts, List<String> command, Instant created) {
    Image image = image(typedImage);
    Container.HostConfig hc = new Container.HostConfig(0, 0, false, RestartPolicy.NO, "bridge", ports, false);
    Container.State st = new Container.State(status, status == ContainerStatus.RUNNING ? 4242 : 0, exitCode, "",
        null, null, 0, false);
    Endpoint ep = status == ContainerStatus.RUNNING
        ? new Endpoint("bridge", "/run/netns/x", "172.17.0.2", 16, "172.17.0.1", "", "veth0", ports, null) : null;
    List<String> cmd = command.isEmpty() ? image.config().configOrEmpty().cmd() : command;
    Container c = new Container(hex(Integer.parseInt(id)), name, created.toString(), typedImage, image.id().toString(),
        cmd.get(0), cmd.subList(1, cmd.size()), List.of(), "/", "", "overlay2", hc, st, false, false, 0, mounts,
        List.of(), ep, null);
    containers.add(0, c);
    return c;
  }

  /** {@code name}'s container with another status ({@code docker stop}, {@code start}). */
  void status(String name, ContainerStatus status, int exitCode) {
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.name().equals(name)) {
        containers.set(i, c.withState(new Container.State(status, 0, exitCode, "", null, null, 0, false)));
      }
    }
  }

  @Override
  public List<Container> containers() {
    return List.copyOf(containers);
  }

  @Override
  public Image image(String ref) {
    ImageReference want = ImageReference.parse(ref).withDefaultTag();
    return images.stream().filter(i -> i.repoTags().stream().anyMatch(r -> r.withDefaultTag().equals(want)))
        .findFirst().orElse(null);
  }

  @Override
  public List<Change> diff(String containerId) {
    return List.of();
  }

  @Override
  public List<String> log(String containerId) {
    return List.of();
  }

  @Override
  public Map<String, String> cow(String containerId) {
    return Map.of();
  }

  @Override
  public String topLayer(String ref, String path) {
    return null;
  }

  @Override
  public String hubDigest(String repository, String tag) {
    return null;
  }

  @Override
  public String user(String server) {
    return null;
  }

  static String hex(int n) {
    return String.format("%064x", n);
  }
}
