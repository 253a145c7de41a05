package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Volume;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.api.Volumes;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** {@code docker volume ...}: volumes under the data root, refused for removal while a container uses them. */
final class LocalVolumes implements Volumes {
  private final EngineParts p;

  LocalVolumes(EngineParts parts) {
    this.p = parts;
  }

  @Override
  public List<Volume> list() {
    return p.volumes().list();
  }

  /** {@code docker volume create [NAME]}: a random name when none is given. */
  @Override
  public Volume create(String name) {
    if (name == null) {
      byte[] b = new byte[32];
      new SecureRandom().nextBytes(b);
      return p.volumes().create(HexFormat.of().formatHex(b), true);
    }
    VolumeSpec.parseV(name + ":/x"); // checks the name
    return p.volumes().create(name, false);
  }

  /** {@code docker volume rm}: refused while a container (running or not) uses it, as in Docker. */
  @Override
  public void remove(String name, boolean force) {
    if (p.volumes().get(name) == null) {
      throw EngineException.notFound("get " + name + ": no such volume");
    }
    List<String> users = p.containerStore().list().stream()
        .filter(c -> c.mounts().stream().anyMatch(m -> name.equals(m.name()))).map(Container::id).toList();
    if (!users.isEmpty()) {
      throw EngineException.conflict("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
    }
    p.volumes().remove(name);
  }

  /** The volumes no container uses. */
  @Override
  public List<String> unused() {
    Set<String> used = new HashSet<>();
    p.containerStore().list().forEach(c -> c.mounts().forEach(m -> used.add(m.name())));
    return p.volumes().list().stream().map(Volume::name)
        .filter(n -> !used.contains(n)).toList();
  }
}
