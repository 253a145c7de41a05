package dev.docklab.engine.store;

import dev.docklab.engine.api.StorageDriverName;
import java.nio.file.Path;

/**
 * The files of one container, all under {@code containers/ID/} of the data root.
 *
 * <pre>
 * container.json               the container's record
 * container.log                its output, in the monitor's k8s-file format
 * hostname, hosts, resolv.conf the files bind-mounted on its /etc
 * init/                        its init layer: empty /etc files to mount over (init.tmp/ while made)
 * upper/, work/, merged/       overlay2: its read-write layer, overlayfs's work dir, its mounted root
 * empty/                       overlay2: the lower dir of an image with no layer at all
 * rootfs/                      vfs: its root, a full copy of the image (rootfs.tmp/ while copied)
 * bundle/                      its OCI bundle, with the monitor's files: see {@link Bundle}
 * paused-by-commit             there while docker commit holds it paused, so a crash's pause is undone
 * </pre>
 *
 * @param layout the data root the container belongs to
 * @param id the container's full id
 */
public record ContainerFiles(Layout layout, String id) {
  /** {@code containers/ID}: the container's own directory. */
  public Path dir() {
    return layout.container(id);
  }

  /** The container's record. */
  public Path config() {
    return dir().resolve("container.json");
  }

  /**
   * Written before {@code docker commit} pauses the container and removed once it is unpaused: when a
   * crash comes in between, the next start finds it and unpauses the container (a pause the learner
   * asked for has no such note, and stays).
   */
  public Path pausedByCommit() {
    return dir().resolve("paused-by-commit");
  }

  /** The container's log, written by its monitor. */
  public Path log() {
    return dir().resolve("container.log");
  }

  /** The /etc/hostname the container sees. */
  public Path hostname() {
    return dir().resolve("hostname");
  }

  /** The networks it was connected to while running ({@code docker network connect}). */
  public Path networks() {
    return dir().resolve("networks.json");
  }

  /** The /etc/hosts the container sees. */
  public Path hosts() {
    return dir().resolve("hosts");
  }

  /** The /etc/resolv.conf the container sees. */
  public Path resolvConf() {
    return dir().resolve("resolv.conf");
  }

  /** The /dev/shm of a container whose IPC is {@code shareable}, which {@code --ipc container:} joiners share. */
  public Path shm() {
    return dir().resolve("shm");
  }

  /** The container's init layer, a read-only layer just above its image's. */
  public Path init() {
    return dir().resolve("init");
  }

  /** Where the init layer is made before it is renamed into place. */
  public Path initTmp() {
    return dir().resolve("init.tmp");
  }

  /** overlay2: the container's read-write layer (overlayfs's upperdir). */
  public Path upper() {
    return dir().resolve("upper");
  }

  /** overlay2: overlayfs's work dir, on the same filesystem as {@link #upper}. */
  public Path work() {
    return dir().resolve("work");
  }

  /** overlay2: where the container's root is mounted. */
  public Path merged() {
    return dir().resolve("merged");
  }

  /** overlay2: the one lower dir of an image that has no layer (overlayfs needs one). */
  public Path emptyLower() {
    return dir().resolve("empty");
  }

  /** vfs: the container's root, a full copy of its image's layers. */
  public Path rootfs() {
    return dir().resolve("rootfs");
  }

  /** vfs: where the copy is made before it is renamed into place. */
  public Path rootfsTmp() {
    return dir().resolve("rootfs.tmp");
  }

  /** The container's root filesystem as the driver it was made with lays it out. */
  public Path root(StorageDriverName driver) {
    return driver.unionMount() ? merged() : rootfs();
  }

  /** Where what the container writes lands: its upper dir, or its whole copy when the driver has no union mount. */
  public Path writable(StorageDriverName driver) {
    return driver.unionMount() ? upper() : rootfs();
  }

  /** The container's OCI bundle. */
  public Bundle bundle() {
    return new Bundle(dir().resolve("bundle"));
  }

  /**
   * A container's OCI bundle: the runtime's {@code config.json}, and the files of the monitor
   * (conmon) that runs it.
   *
   * @param dir the bundle directory, {@code containers/ID/bundle}
   */
  public record Bundle(Path dir) {
    /** The OCI runtime spec. */
    public Path config() {
      return dir.resolve("config.json");
    }

    /** The container's init pid, written by the runtime. */
    public Path pidFile() {
      return dir.resolve("pid");
    }

    /** The monitor's pid. */
    public Path monitorPidFile() {
      return dir.resolve("conmon.pid");
    }

    /** The runtime's own log (JSON lines), where it says why a container could not be created. */
    public Path runtimeLog() {
      return dir.resolve("runtime.log");
    }

    /** The monitor's stderr. */
    public Path monitorLog() {
      return dir.resolve("conmon.log");
    }

    /** The monitor's attach socket (SOCK_SEQPACKET). */
    public Path attachSocket() {
      return dir.resolve("attach");
    }

    /** The monitor's control FIFO: {@code 1 HEIGHT WIDTH\n} resizes the pty. */
    public Path controlFifo() {
      return dir.resolve("ctl");
    }

    /** The monitor's window-size FIFO. */
    public Path winsizeFifo() {
      return dir.resolve("winsz");
    }
  }
}
