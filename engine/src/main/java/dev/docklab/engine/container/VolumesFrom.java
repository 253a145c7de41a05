package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --volumes-from CONTAINER[:ro|rw]}: every volume and bind mount of another container, at the same places,
 * read-only with {@code :ro}, writable with {@code :rw}, else as the other container has them; the new
 * container's own mounts win at the same destination, as Docker's.
 */
final class VolumesFrom {
  private VolumesFrom() {}

  /** The mounts {@code specs} bring, refused in Docker's words for a missing container or a bad mode. */
  static List<Container.MountPoint> mounts(ContainerStore store, List<String> specs) {
    List<Container.MountPoint> out = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.lastIndexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      String mode = colon < 0 ? "" : spec.substring(colon + 1);
      if (!mode.isEmpty() && !mode.equals("ro") && !mode.equals("rw") && !mode.equals("z") && !mode.equals("Z")) {
        throw EngineException.invalid("invalid mode for volumes-from: " + mode);
      }
      Container from = store.find(name);
      for (Container.MountPoint m : from.mounts()) {
        boolean readOnly = mode.equals("ro") || !mode.equals("rw") && m.readOnly();
        // not anonymous here: rm -v of this container leaves the other's volumes alone
        out.add(new Container.MountPoint(m.type(), m.name(), m.source(), m.destination(), readOnly, false));
      }
    }
    return out;
  }

  /** {@code inherited}, then {@code own}: one mount per destination, the container's own first choice. */
  static List<Container.MountPoint> over(List<Container.MountPoint> inherited, List<Container.MountPoint> own) {
    Map<String, Container.MountPoint> byDestination = new LinkedHashMap<>();
    inherited.forEach(m -> byDestination.put(m.destination(), m));
    own.forEach(m -> byDestination.put(m.destination(), m));
    return List.copyOf(byDestination.values());
  }
}
