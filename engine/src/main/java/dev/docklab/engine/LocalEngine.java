package dev.docklab.engine;

import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.Explain;
import dev.docklab.engine.api.Images;
import dev.docklab.engine.api.Networks;
import dev.docklab.engine.api.Registries;
import dev.docklab.engine.api.SystemService;
import dev.docklab.engine.api.Volumes;
import dev.docklab.engine.service.Services;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.PrivateDirs;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The engine in this process: it holds the data root's lock (one engine per data root), records the
 * containers that end while it is open, and hands out the services. It only delegates.
 */
public final class LocalEngine implements Engine {
  private final Services services;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Thread reaper;
  private final String summary;
  private volatile boolean closed;

  private LocalEngine(Services services, FileChannel lockChannel, FileLock lock, String summary) {
    this.services = services;
    this.summary = summary;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.reaper = new Thread(this::reapLoop, "docklab-reaper");
    this.reaper.setDaemon(true);
  }

  /** What JShell prints for {@code engine}: in-process, on which data root. */
  @Override
  public String toString() {
    return summary;
  }

  /** Records containers that end while this engine is open, and applies their restart policies. */
  private void reapLoop() {
    while (!closed) {
      try {
        Thread.sleep(200);
        services.reap();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a container changed under our feet: look again next round
      }
    }
  }

  /**
   * Opens the data root, taking its lock (one engine per data root), closes it to other users, and
   * reconciles what a crash may have left: temp files, stale mounts, containers recorded as running that
   * are gone.
   */
  static LocalEngine open(EngineOptions options, EngineListener listener) {
    if (Posix.host().geteuid() != 0) {
      throw EngineException.invalid(EngineMessage.NEEDS_ROOT);
    }
    Layout layout = new Layout(options.dataRoot());
    FileChannel ch = null;
    try {
      Files.createDirectories(layout.root());
      ch = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = null;
      Path owner = layout.root().resolve("engine.owner");
      // A docklab that conmon started to apply a restart policy holds the data root for a moment: wait
      // for it. Any other holder is a docklab the learner opened: say so at once.
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (true) {
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // this very process holds it already
        }
        boolean passing = lock == null && Files.exists(owner) && Files.readString(owner).strip().endsWith(" reconcile");
        if (lock != null || !passing || System.nanoTime() > deadline) {
          break;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (lock == null) {
        ch.close();
        throw EngineException.conflict(EngineMessage.DATA_ROOT_IN_USE, layout.root());
      }
      PrivateDirs.secure(layout);
      AtomicFiles.writeNoSync(owner, (ProcessHandle.current().pid() + " "
          + System.getProperty("docklab.role", "engine") + "\n").getBytes(StandardCharsets.UTF_8));
      LocalEngine engine = new LocalEngine(new Services(options, listener), ch, lock,
          "Engine[in-process, data root " + layout.root() + "]");
      engine.services.recover();
      engine.reaper.start();
      return engine;
    } catch (IOException e) {
      closeQuietly(ch);
      throw EngineException.system(EngineMessage.DATA_ROOT_UNOPENABLE, e, layout.root(), e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  @Override
  public Images images() {
    return services.images();
  }

  @Override
  public Containers containers() {
    return services.containers();
  }

  @Override
  public Networks networks() {
    return services.networks();
  }

  @Override
  public Volumes volumes() {
    return services.volumes();
  }

  @Override
  public Registries registries() {
    return services.registries();
  }

  @Override
  public SystemService system() {
    return services.system();
  }

  @Override
  public Explain explain() {
    return services.explain();
  }

  @Override
  public void close() {
    closed = true;
    reaper.interrupt();
    try {
      reaper.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
