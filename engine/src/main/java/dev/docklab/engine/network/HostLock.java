package dev.docklab.engine.network;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The host's network lock, held while a host-wide resource is chosen and taken (a host port, a
 * subnet and its bridge): every data root's engine, in this JVM or another, takes the same one, so
 * two of them never choose the same port or subnet. Reentrant within a thread.
 */
public final class HostLock implements AutoCloseable {
  /** The lock file, beside the address leases: on tmpfs, as the bridges and rules it guards. */
  static final Path FILE = Path.of("/run/docklab/network.lock");
  /** A FileLock is held by the whole JVM, so threads (and engines) of this JVM queue here first. */
  private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
  private static FileChannel channel;

  private HostLock() {}

  /** Waits for the lock; close the result to release it. */
  public static HostLock acquire() {
    IN_THIS_JVM.lock();
    if (IN_THIS_JVM.getHoldCount() > 1) {
      return new HostLock();
    }
    try {
      Files.createDirectories(FILE.getParent());
      channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock(); // released when the channel closes
      return new HostLock();
    } catch (IOException | RuntimeException e) {
      closeChannel();
      IN_THIS_JVM.unlock();
      throw EngineException.system(EngineMessage.LOCK_FAILED, e, FILE, e.getMessage());
    }
  }

  @Override
  public void close() {
    if (IN_THIS_JVM.getHoldCount() == 1) {
      closeChannel(); // closing the channel releases the file lock
    }
    IN_THIS_JVM.unlock();
  }

  private static void closeChannel() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // the lock goes with the descriptor
    } finally {
      channel = null;
    }
  }
}
