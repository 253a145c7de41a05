package dev.docklab.engine.container;

import dev.docklab.engine.sys.Posix;
import java.util.concurrent.ThreadFactory;

/**
 * Threads for the work a learner does not wait for (an ended container's runtime record and network
 * taken down, the pool of network namespaces filled up again), run at the lowest priority, nice 19, as
 * are the processes they start (runc delete, the CNI plugins, ip): on two cores they would otherwise take
 * a core from what the learner waits for, the next start or the command that ended the container.
 */
final class Behind {
  /** The nice value of these threads and of what they start. */
  static final int NICE = 19;

  private Behind() {}

  /** Daemon threads named {@code name}, each at {@link #NICE} from its start. */
  static ThreadFactory threads(String name) {
    return r -> {
      Thread t = new Thread(() -> {
        try {
          Posix.host().niceThisThread(NICE);
        } catch (RuntimeException | LinkageError e) {
          // no C library call: the thread runs at the engine's own priority, as before
        }
        r.run();
      }, name);
      t.setDaemon(true);
      return t;
    };
  }
}
