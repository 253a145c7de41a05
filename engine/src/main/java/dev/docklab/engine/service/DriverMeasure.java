package dev.docklab.engine.service;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.DriverFacts;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.storage.OverlayDriver;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.storage.VfsDriver;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code explain drivers}: what the kernel offers, and an image's container root made by overlay2 and
 * by vfs in scratch container directories, timed and counted, then removed.
 */
final class DriverMeasure {
  private final Layout layout;
  private final ImageStore images;
  private final LayerStore layers;

  DriverMeasure(Layout layout, ImageStore images, LayerStore layers) {
    this.layout = layout;
    this.images = images;
    this.layers = layers;
  }

  DriverFacts facts(String driver, String imageRef) {
    return new DriverFacts(driver, kernelHas(), imageRef == null ? null : measure(imageRef));
  }

  /** Of overlay, aufs, btrfs and device-mapper: what /proc/filesystems and /proc/devices list. */
  static List<String> kernelHas() {
    List<String> out = new ArrayList<>();
    try {
      List<String> fs = Files.readAllLines(Path.of("/proc/filesystems"));
      for (String name : List.of("overlay", "aufs", "btrfs")) {
        if (fs.stream().anyMatch(l -> l.strip().endsWith("\t" + name) || l.strip().equals(name))) {
          out.add(name);
        }
      }
      if (Files.readAllLines(Path.of("/proc/devices")).stream().anyMatch(l -> l.endsWith(" device-mapper"))) {
        out.add("device-mapper");
      }
    } catch (IOException e) {
      // no /proc: nothing to tell
    }
    return out;
  }

  private DriverFacts.Measured measure(String imageRef) {
    Image img = images.find(imageRef);
    if (img == null) {
      throw EngineException.notFound("No such image: " + imageRef);
    }
    List<Path> topFirst = new ArrayList<>();
    long imageBytes = 0;
    for (Digest d : img.diffIds()) {
      topFirst.add(0, layers.get(d).diff());
      imageBytes += layers.get(d).size();
    }
    long[] overlay = root(new OverlayDriver(Posix.host()), topFirst);
    long[] vfs = root(new VfsDriver(), topFirst);
    return new DriverFacts.Measured(imageRef, topFirst.size(), imageBytes, overlay[0], Duration.ofNanos(overlay[1]),
        vfs[0], Duration.ofNanos(vfs[1]));
  }

  /** A container root made by {@code driver} in a scratch directory: the bytes it wrote, the nanoseconds it took. */
  private long[] root(StorageDriver driver, List<Path> topFirst) {
    String id = "explain-drivers-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    ContainerFiles files = layout.containerFiles(id);
    try {
      long t0 = System.nanoTime();
      driver.mount(files, topFirst);
      long took = System.nanoTime() - t0;
      long bytes = driver.unionMount() ? Trees.size(files.upper()) + Trees.size(files.work()) : Trees.size(files.rootfs());
      return new long[] {bytes, took};
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.DRIVER_MEASURE_FAILED, e, driver.name(), e.getMessage());
    } finally {
      driver.unmount(files);
      try {
        Trees.deleteRecursively(files.dir());
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.MEASURE_CLEANUP_FAILED, e, files.dir(), e.getMessage());
      }
    }
  }
}
