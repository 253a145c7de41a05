package dev.docklab.engine.sys;

import dev.docklab.engine.api.EngineException;

/** A failed system call: the call with its arguments, the errno and its text. */
public final class SyscallException extends EngineException {
  private final int errno;

  public SyscallException(String call, int errno, String errnoText) {
    super(Kind.SYSTEM, call + " failed: " + errnoText + " (errno " + errno + ")");
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
