package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A container's volumes and bind mounts: made when it is created, seeded when first used, removed with it. */
final class ContainerVolumes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final VolumeStore volumes;

  ContainerVolumes(VolumeStore volumes) {
    this.volumes = volumes;
  }

  /** Resolves {@code -v}/{@code --mount} specs: host paths made or checked, volumes created. */
  List<Container.MountPoint> mountPoints(List<VolumeSpec> specs) {
    List<Container.MountPoint> out = new ArrayList<>();
    for (var v : specs) {
      switch (v.kind()) {
        case BIND -> {
          Path src = Path.of(v.source());
          if (!Files.exists(src)) {
            if (!v.createSource()) {
              throw EngineException.invalid("invalid mount config for type \"bind\": bind source path does not exist: "
                  + v.source());
            }
            try {
              Files.createDirectories(src);
            } catch (IOException e) {
              throw EngineException.system(EngineMessage.BIND_SOURCE_CREATE_FAILED, e, src, e.getMessage());
            }
          }
          out.add(new Container.MountPoint("bind", null, src.toString(), v.destination(), v.readOnly(), false));
        }
        case VOLUME -> out.add(new Container.MountPoint("volume", v.source(),
            volumes.create(v.source(), false).data().toString(), v.destination(), v.readOnly(), false));
        case ANONYMOUS -> {
          byte[] b = new byte[32];
          RANDOM.nextBytes(b);
          String name = HexFormat.of().formatHex(b);
          out.add(new Container.MountPoint("volume", name, volumes.create(name, true).data().toString(),
              v.destination(), v.readOnly(), true));
        }
        default -> throw new IllegalStateException();
      }
    }
    return out;
  }

  /** A volume used for the first time gets the image's files at its mount point, as in Docker. */
  void seed(Container c, Path merged) {
    for (Container.MountPoint m : c.mounts()) {
      if (!m.type().equals("volume")) {
        continue;
      }
      var v = volumes.get(m.name());
      if (v == null || v.seeded()) {
        continue;
      }
      Path from = merged.resolve(m.destination().substring(1));
      try {
        boolean empty;
        try (var list = Files.list(v.data())) {
          empty = list.findAny().isEmpty();
        }
        if (empty && Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
          Process cp = new ProcessBuilder("cp", "-a", from + "/.", v.data() + "/").redirectErrorStream(true).start();
          String out = new String(cp.getInputStream().readAllBytes());
          if (cp.waitFor() != 0) {
            throw EngineException.system(EngineMessage.VOLUME_COPY_FAILED, null, m.destination(), m.name(),
                out.strip());
          }
        }
        volumes.markSeeded(m.name());
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.VOLUME_SEED_FAILED, e, m.name(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Removes the anonymous volumes of a removed container ({@code rm -v}, {@code --rm}). */
  void removeAnonymous(Container c) {
    for (Container.MountPoint m : c.mounts()) {
      if (m.anonymous()) {
        volumes.remove(m.name());
      }
    }
  }
}
