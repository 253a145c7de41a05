package dev.docklab.engine.storage;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * vfs: no union mount. The container's root is a full copy of every layer, bottom first, with
 * whiteouts applied; simple and slow, the contrast that shows what overlay2 saves.
 */
public final class VfsDriver implements StorageDriver {
  @Override
  public StorageDriverName kind() {
    return StorageDriverName.VFS;
  }

  @Override
  public RootFs mount(ContainerFiles container, List<Path> layersTopFirst) {
    Path rootfs = container.rootfs();
    try {
      if (!Files.isDirectory(rootfs)) {
        Path tmp = Files.createDirectories(container.rootfsTmp());
        List<Path> bottomFirst = new ArrayList<>(layersTopFirst);
        Collections.reverse(bottomFirst);
        for (Path layer : bottomFirst) {
          applyLayer(layer, tmp);
        }
        Files.move(tmp, rootfs);
      }
      return new RootFs(rootfs, rootfs, null, layersTopFirst, "vfs: full copy of " + layersTopFirst.size() + " layers");
    } catch (IOException | InterruptedException e) {
      throw EngineException.system(EngineMessage.VFS_COPY_FAILED, e, rootfs, e.getMessage());
    }
  }

  @Override
  public void unmount(ContainerFiles container) {
    // a copy needs no unmounting
  }

  /** Applies one layer's whiteouts to {@code rootfs}, then copies its files over. */
  private static void applyLayer(Path layer, Path rootfs) throws IOException, InterruptedException {
    List<Path> whiteouts = new ArrayList<>();
    Files.walkFileTree(layer, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (isOpaque(dir) && !dir.equals(layer)) {
          Trees.deleteRecursively(rootfs.resolve(layer.relativize(dir).toString()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (isWhiteout(file)) {
          whiteouts.add(layer.relativize(file));
          Trees.deleteRecursively(rootfs.resolve(layer.relativize(file).toString()));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    Process cp = new ProcessBuilder("cp", "-a", layer + "/.", rootfs + "/").redirectErrorStream(true).start();
    String out = new String(cp.getInputStream().readAllBytes());
    if (cp.waitFor() != 0) {
      throw new IOException("cp -a failed: " + out.strip());
    }
    for (Path w : whiteouts) {
      Files.deleteIfExists(rootfs.resolve(w.toString()));
    }
  }

  static boolean isWhiteout(Path file) throws IOException {
    Map<String, Object> a = Files.readAttributes(file, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    return (mode & 0170000) == 0020000 && ((Long) a.get("rdev")) == 0L;
  }

  static boolean isOpaque(Path dir) {
    byte[] v = Posix.host().lgetxattr(dir, "trusted.overlay.opaque");
    return v != null && v.length == 1 && v[0] == 'y';
  }
}
