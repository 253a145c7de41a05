package dev.docklab.engine.api;

/** The storage drivers docklab has, by the name {@code docker info} shows, and what sets them apart. */
public enum StorageDriverName {
  /** A union mount (overlayfs) of the image's layers and the container's own read-write layer. */
  OVERLAY2("overlay2", true),
  /** No union mount: the container's root is a full copy of its image's layers. */
  VFS("vfs", false);

  private final String dockerName;
  private final boolean unionMount;

  StorageDriverName(String dockerName, boolean unionMount) {
    this.dockerName = dockerName;
    this.unionMount = unionMount;
  }

  /** The name as {@code docker info} and {@code docker inspect} show it. */
  public String dockerName() {
    return dockerName;
  }

  /**
   * True when the container's root is a union mount, so that what the container changes is kept apart
   * from its image in a read-write layer of its own ({@code docker diff}, {@code commit}, explain
   * modes); false when the root is one full copy.
   */
  public boolean unionMount() {
    return unionMount;
  }

  /**
   * The driver named {@code name}, as {@code --storage-driver} takes it and a container records it
   * ({@code overlay} too, an alias of {@code overlay2}).
   *
   * @throws EngineException when no driver has that name
   */
  public static StorageDriverName of(String name) {
    return switch (name) {
      case "overlay2", "overlay" -> OVERLAY2;
      case "vfs" -> VFS;
      default -> throw EngineException.invalid(EngineMessage.STORAGE_DRIVER_UNKNOWN, name);
    };
  }
}
