package dev.docklab.engine.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.build.BuildHost;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.container.ContainerService;
import dev.docklab.engine.container.ContainerStore;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.image.ImageAssembler;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.CrashPoints;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The engine as a build sees it: images, throw-away containers for RUN, new layers, the build cache. */
final class BuildHostAdapter implements BuildHost {
  /**
   * The label of the throw-away containers a build runs its RUN steps in: the build removes each one
   * after its step, and the next start removes those a crash left.
   */
  static final String STEP_LABEL = "dev.docklab.build-step";

  private final Layout layout;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;
  private final ContainerService containers;
  private final ContainerStore containerStore;
  private final ContainerLayers containerLayers;

  BuildHostAdapter(EngineParts parts, ContainerLayers containerLayers) {
    this.layout = parts.layout();
    this.blobs = parts.blobs();
    this.layers = parts.layers();
    this.images = parts.images();
    this.containers = parts.containers();
    this.containerStore = parts.containerStore();
    this.containerLayers = containerLayers;
  }

  @Override
  public Image findImage(String nameOrId) {
    return images.find(nameOrId);
  }

  @Override
  public Image image(Digest id) {
    return images.get(id);
  }

  @Override
  public RunOutcome run(Image image, List<String> command, List<String> extraEnv, Consumer<String> created,
      BiConsumer<Integer, byte[]> output) {
    Container c = containers.create(new RunRequest(image.id().toString(), null, command, extraEnv, 0, 0, false, false,
        false, RestartPolicy.NO, List.of(), RunRequest.Network.DEFAULT, Map.of(STEP_LABEL, "true")), image);
    created.accept(c.id());
    int code = containers.runForeground(c, output).exitCode();
    CrashPoints.reach(CrashPoints.BUILD_STEP_RAN);
    return new RunOutcome(c.id(), code);
  }

  @Override
  public Digest commit(String containerId, Image base, ImageConfig config) {
    return containerLayers.commitLayer(containerLayers.upperDir(containerStore.find(containerId)), base, config);
  }

  @Override
  public void removeContainer(String containerId) {
    containers.remove(containerId, true);
  }

  @Override
  public Digest newImage(Image base, InputStream tar, ImageConfig config) {
    try {
      ImageAssembler a = new ImageAssembler(layout, blobs, layers, images);
      if (base != null) {
        a.from(base);
      }
      if (tar != null) {
        a.addLayer(tar);
      }
      return a.finish(config);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BUILD_IMAGE_FAILED, e, e.getMessage());
    }
  }

  @Override
  public Path mountReadOnly(Image image) {
    List<Digest> ids = image.diffIds();
    if (ids.size() == 1) {
      return layers.get(ids.get(0)).diff(); // one layer: read it in place
    }
    try {
      Path target = Files.createTempDirectory(Files.createDirectories(layout.tmp()), "from-");
      List<String> lowers = new ArrayList<>();
      for (Digest d : ids) {
        lowers.add(0, layers.get(d).diff().toString());
      }
      Posix.host().mount("overlay", target, "overlay", Posix.MS_RDONLY, "lowerdir=" + String.join(":", lowers));
      return target;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BUILD_MOUNT_FAILED, e, e.getMessage());
    }
  }

  @Override
  public void unmountReadOnly(Path mountPoint) {
    if (mountPoint.startsWith(layout.tmp())) {
      Posix.host().umount(mountPoint, Posix.MNT_DETACH);
      try {
        Files.deleteIfExists(mountPoint);
      } catch (IOException e) {
        // tmp/ is emptied at start-up
      }
    }
  }

  private Path cacheFile() {
    return layout.buildCache();
  }

  @Override
  public Digest cached(String key) {
    try {
      if (!Files.isRegularFile(cacheFile())) {
        return null;
      }
      Map<?, ?> m = new ObjectMapper().readValue(cacheFile().toFile(),
          Map.class);
      Object v = m.get(Digest.isDigest(key) ? key : Sha256.of(
          key.getBytes(StandardCharsets.UTF_8)).toString());
      return v == null ? null : Digest.parse(v.toString());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void remember(String key, Digest image) {
    try {
      ObjectMapper json = new ObjectMapper();
      Map<String, Object> m = Files.isRegularFile(cacheFile())
          ? new TreeMap<>(json.readValue(cacheFile().toFile(), Map.class))
          : new TreeMap<>();
      m.put(Sha256.of(key.getBytes(StandardCharsets.UTF_8)).toString(),
          image.toString());
      AtomicFiles.write(cacheFile(), json.writeValueAsBytes(m));
    } catch (IOException e) {
      // a cache that could not be written only costs time
    }
  }

  @Override
  public void tag(String reference, Digest id) {
    images.tag(ImageReference.parse(reference).withDefaultTag(), id);
  }
}
