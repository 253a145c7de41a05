package dev.docklab.engine.storage;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.ShortLinks;
import dev.docklab.engine.sys.Posix;
import dev.docklab.engine.sys.SyscallException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * overlay2: the container's root is an overlay mount of the image's layer dirs (read-only lowerdirs)
 * with the container's own upperdir (read-write) and workdir, made with mount(2). Mounted with
 * {@code redirect_dir=off,index=off}, so what the container changes is exactly what its upper dir
 * holds.
 */
public final class OverlayDriver implements StorageDriver {
  /**
   * The most lower dirs a layer may stack on, as Docker's overlay2 ({@code maxDepth}): a container's
   * read-write layer stacks on its init layer and the image's layers, so an image of 128 layers is refused.
   */
  static final int MAX_DEPTH = 128;
  /** The kernel takes mount options of at most one page. */
  private static final int MAX_OPTIONS = 4095;
  private final Posix posix;

  public OverlayDriver(Posix posix) {
    this.posix = posix;
  }

  @Override
  public StorageDriverName kind() {
    return StorageDriverName.OVERLAY2;
  }

  /** Refuses, in Docker's words, an image whose layers and the container's init layer pass {@link #MAX_DEPTH}. */
  @Override
  public void checkDepth(int imageLayers) {
    if (imageLayers + 1 > MAX_DEPTH) {
      throw EngineException.system("max depth exceeded", null); // overlay2's own words, as the layer store's
    }
  }

  @Override
  public RootFs mount(ContainerFiles container, List<Path> layersTopFirst) {
    Path upper = container.upper();
    Path work = container.work();
    Path merged = container.merged();
    try {
      Files.createDirectories(upper);
      Files.createDirectories(work);
      Files.createDirectories(merged);
      List<Path> lowers = layersTopFirst;
      if (lowers.isEmpty()) {
        // An image FROM scratch with no layer: overlayfs still needs one lower dir.
        Path empty = Files.createDirectories(container.emptyLower());
        lowers = List.of(empty);
      }
      String options = options(lowers, upper, work);
      Path mountFrom = null;
      if (options.length() > MAX_OPTIONS) {
        // Too many layers for one page of options: name each layer dir by a short link, relative to the
        // data root, and mount from there, as Docker's overlay2 does with its l/ directory.
        Path root = container.layout().root();
        ShortLinks links = new ShortLinks(container.layout());
        List<Path> shortLowers = new ArrayList<>();
        for (Path lower : lowers) {
          shortLowers.add(root.relativize(links.link(lower)));
        }
        options = options(shortLowers, upper, work);
        mountFrom = root;
      }
      if (options.length() > MAX_OPTIONS) {
        throw EngineException.system(EngineMessage.OVERLAY_OPTIONS_TOO_LONG, null, String.valueOf(lowers.size()),
            String.valueOf(options.length()));
      }
      if (!isMounted(merged)) {
        if (mountFrom == null) {
          posix.mount("overlay", merged, "overlay", 0, options);
        } else {
          mountRelative(mountFrom, merged, options);
        }
      }
      return new RootFs(merged, upper, work, lowers, options);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.PREPARE_FAILED_CANNOT, e, container.dir(), e.getMessage());
    } catch (SyscallException e) {
      throw EngineException.system(EngineMessage.ROOT_MOUNT_FAILED, e, e.getMessage());
    }
  }

  /**
   * mount(2) resolves relative lower dirs against the caller's working directory, which a JVM cannot
   * change for one thread: util-linux's mount, started in {@code dir}, makes the call instead.
   */
  private static void mountRelative(Path dir, Path merged, String options) throws IOException {
    Process p = new ProcessBuilder("mount", "-t", "overlay", "overlay", "-o", options, merged.toString())
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    try {
      if (p.waitFor() != 0) {
        throw EngineException.system(EngineMessage.ROOT_MOUNT_FAILED, null, out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_MOUNTING, e);
    }
  }

  private static String options(List<Path> lowers, Path upper, Path work) {
    return "lowerdir=" + lowers.stream().map(Path::toString).collect(Collectors.joining(":"))
        + ",upperdir=" + upper + ",workdir=" + work + ",redirect_dir=off,index=off";
  }

  @Override
  public void unmount(ContainerFiles container) {
    Path merged = container.merged();
    if (isMounted(merged)) {
      posix.umount(merged, Posix.MNT_DETACH);
    }
    dropShortLink(container);
  }

  /**
   * Removes the short link to a container's own init layer, if a mount made one: unlike an image's layers,
   * which other containers share, it names nothing once the container is gone (the next mount makes it again).
   */
  private static void dropShortLink(ContainerFiles container) {
    try {
      new ShortLinks(container.layout()).drop(container.init());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, container.layout().shortLinks(), e.getMessage());
    }
  }

  /** True when {@code path} is a mount point, as listed in /proc/self/mountinfo. */
  static boolean isMounted(Path path) {
    return Mounts.isMountPoint(path);
  }
}
