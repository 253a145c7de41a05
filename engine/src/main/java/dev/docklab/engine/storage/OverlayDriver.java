package dev.docklab.engine.storage;

import dev.docklab.engine.EngineException;
import dev.docklab.engine.sys.Posix;
import dev.docklab.engine.sys.SyscallException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * overlay2: the container's root is an overlay mount of the image's layer dirs (read-only lowerdirs)
 * with the container's own upperdir (read-write) and workdir, made with mount(2). Mounted with
 * {@code redirect_dir=off,index=off}, so what the container changes is exactly what its upper dir
 * holds.
 */
public final class OverlayDriver implements StorageDriver {
  /** The kernel takes mount options of at most one page. */
  private static final int MAX_OPTIONS = 4095;
  private final Posix posix;

  public OverlayDriver(Posix posix) {
    this.posix = posix;
  }

  @Override
  public String name() {
    return "overlay2";
  }

  @Override
  public RootFs mount(Path containerDir, List<Path> layersTopFirst) {
    Path upper = containerDir.resolve("upper");
    Path work = containerDir.resolve("work");
    Path merged = containerDir.resolve("merged");
    try {
      Files.createDirectories(upper);
      Files.createDirectories(work);
      Files.createDirectories(merged);
      List<Path> lowers = layersTopFirst;
      if (lowers.isEmpty()) {
        // An image FROM scratch with no layer: overlayfs still needs one lower dir.
        Path empty = Files.createDirectories(containerDir.resolve("empty"));
        lowers = List.of(empty);
      }
      String options = "lowerdir=" + lowers.stream().map(Path::toString).collect(Collectors.joining(":"))
          + ",upperdir=" + upper + ",workdir=" + work + ",redirect_dir=off,index=off";
      if (options.length() > MAX_OPTIONS) {
        throw EngineException.system("cannot mount the container's root: the image has " + lowers.size()
            + " layers and the overlay mount options exceed one page (" + options.length()
            + " bytes); squash the image into fewer layers", null);
      }
      if (!isMounted(merged)) {
        posix.mount("overlay", merged, "overlay", 0, options);
      }
      return new RootFs(merged, upper, work, lowers, options);
    } catch (IOException e) {
      throw EngineException.system("cannot prepare " + containerDir + ": " + e.getMessage(), e);
    } catch (SyscallException e) {
      throw EngineException.system("cannot mount the container's root filesystem: " + e.getMessage(), e);
    }
  }

  @Override
  public void unmount(Path containerDir) {
    Path merged = containerDir.resolve("merged");
    if (isMounted(merged)) {
      posix.umount(merged, Posix.MNT_DETACH);
    }
  }

  /** True when {@code path} is a mount point, as listed in /proc/self/mountinfo. */
  static boolean isMounted(Path path) {
    return Mounts.isMountPoint(path);
  }
}
