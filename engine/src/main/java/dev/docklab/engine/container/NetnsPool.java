package dev.docklab.engine.container;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A few network namespaces made ahead of need ({@code /run/netns/docklab-pool-*}, {@code lo} up), so that a
 * start on a bridge takes one (bound under the container's own name) instead of waiting for {@code ip netns
 * add}. Each is noted in the data root before it is made, and the note goes once a container has it or the
 * engine closes; what a crash leaves is removed by {@link #recover} when the next engine opens.
 */
final class NetnsPool {
  /** The names of the pool's namespaces begin so. */
  static final String PREFIX = "docklab-pool-";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path notes;
  private final int size;
  private final Posix posix;
  private final EngineListener listener;
  private final Deque<Path> ready = new ArrayDeque<>();
  private final ExecutorService filler = Executors.newSingleThreadExecutor(Behind.threads("docklab-netns-pool"));
  private Future<?> filling;
  private boolean closed;

  /** A pool of {@code size} namespaces, noted in {@code notes} (one empty file per namespace, named as it). */
  NetnsPool(Path notes, int size, Posix posix, EngineListener listener) {
    this.notes = notes;
    this.size = size;
    this.posix = posix;
    this.listener = listener;
  }

  /**
   * Binds a namespace of the pool at {@code target} (the container's namespace file) and returns true; false
   * when the pool is empty or {@code target} is taken (the caller makes one then). {@link #fillLater} fills
   * the pool up again, once the start is done.
   */
  boolean claim(Path target) {
    Path spare;
    synchronized (this) {
      spare = ready.pollFirst();
    }
    if (spare == null || Files.exists(target)) {
      if (spare != null) {
        synchronized (this) {
          ready.addFirst(spare);
        }
      }
      return false;
    }
    try {
      Files.createFile(target);
      posix.mount(spare.toString(), target, null, Posix.MS_BIND, null);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(target);
      remove(spare);
      return false;
    }
    try {
      posix.umount(spare, Posix.MNT_DETACH);
      Files.deleteIfExists(spare);
      Files.deleteIfExists(notes.resolve(spare.getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      remove(spare); // the container's own binding keeps its namespace
    }
    return true;
  }

  /** Starts filling the pool up behind, unless it is full, filling already or closed. */
  synchronized void fillLater() {
    if (closed || ready.size() >= size || filling != null && !filling.isDone()) {
      return;
    }
    filling = filler.submit(this::fill);
  }

  private void fill() {
    while (true) {
      synchronized (this) {
        if (closed || ready.size() >= size) {
          return;
        }
      }
      Path netns = BridgeNetwork.NETNS_DIR.resolve(PREFIX + HexFormat.of().formatHex(randomBytes()));
      try {
        AtomicFiles.writeNoSync(notes.resolve(netns.getFileName().toString()), new byte[0]);
        BridgeNetwork.spareNamespace(netns);
      } catch (RuntimeException e) {
        remove(netns);
        listener.on(EngineEvent.said(EventStep.WARNING, netns.toString(), Duration.ZERO,
            EngineMessage.HOST_COMMAND_FAILED, "ip netns add " + netns.getFileName(), e.getMessage()));
        return; // the next start makes its own namespace, and says why if it cannot
      }
      synchronized (this) {
        if (closed) {
          remove(netns);
          return;
        }
        ready.addLast(netns);
      }
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Removes every namespace of the pool and its note: when the engine closes. */
  void close() {
    Future<?> f;
    synchronized (this) {
      closed = true;
      f = filling;
    }
    if (f != null) {
      try {
        f.get();
      } catch (Exception e) {
        // what it made is in ready, or removed by itself
      }
    }
    filler.shutdown();
    List<Path> left;
    synchronized (this) {
      left = List.copyOf(ready);
      ready.clear();
    }
    left.forEach(this::remove);
  }

  /**
   * Removes what a pool of an engine that ended without closing left: every namespace noted, and its note.
   * Called when the engine opens, before the pool is used.
   */
  void recover() {
    if (!Files.isDirectory(notes)) {
      return;
    }
    List<Path> noted;
    try (Stream<Path> list = Files.list(notes)) {
      noted = list.toList();
    } catch (IOException e) {
      return;
    }
    for (Path note : noted) {
      String name = note.getFileName().toString();
      if (name.startsWith(PREFIX)) {
        remove(BridgeNetwork.NETNS_DIR.resolve(name));
      } else {
        deleteQuietly(note); // a temp file of a note being written
      }
    }
  }

  /** A namespace of the pool and its note go; failures are reported as events. */
  private void remove(Path netns) {
    try {
      BridgeNetwork.removeNamespace(netns);
      Files.deleteIfExists(notes.resolve(netns.getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      listener.on(EngineEvent.said(EventStep.WARNING, netns.toString(), Duration.ZERO,
          EngineMessage.EVENT_DISCONNECT_FAILED, e.getMessage()));
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // nothing bound there: an empty file, gone with the next recovery
    }
  }
}
