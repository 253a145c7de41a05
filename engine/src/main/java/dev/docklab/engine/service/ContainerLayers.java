package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.container.UpperDir;
import dev.docklab.engine.image.ImageAssembler;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;

/** A container's layers as diff, commit, build and explain read them: its image's lowers and its upper dir. */
final class ContainerLayers {
  private final EngineParts p;

  ContainerLayers(EngineParts parts) {
    this.p = parts;
  }

  /** The image's layer dirs, top-most first, as overlayfs takes them. */
  List<Path> lowersTopFirst(Image image) {
    return p.layers().diffsTopFirst(image.diffIds());
  }

  /** The container's read-write layer; refused under vfs, where it is not kept apart from the image. */
  UpperDir upperDir(Container c) {
    if (!StorageDriverName.of(c.driver()).unionMount()) {
      throw EngineException.invalid(EngineMessage.VFS_NO_DIFF);
    }
    Image image = p.images().get(c.imageDigest());
    return new UpperDir(p.layout().containerFiles(c.id()).upper(), lowersTopFirst(image), Posix.host());
  }

  /** The read-write layer of a container as a new layer on {@code base}, with {@code config}. */
  Digest commitLayer(UpperDir upper, Image base, ImageConfig config) {
    try {
      ImageAssembler assembler = new ImageAssembler(p.layout(), p.blobs(), p.layers(), p.images()).from(base);
      PipedInputStream in = new PipedInputStream(1 << 16);
      PipedOutputStream out = new PipedOutputStream(in);
      IOException[] failed = {null};
      Thread writer = new Thread(() -> {
        try (out) {
          upper.writeTar(out);
        } catch (IOException e) {
          failed[0] = e;
        }
      }, "commit-tar");
      writer.start();
      assembler.addLayer(in);
      writer.join();
      if (failed[0] != null) {
        throw failed[0];
      }
      return assembler.finish(config);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.COMMIT_FAILED, e, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_COMMIT, e);
    }
  }
}
