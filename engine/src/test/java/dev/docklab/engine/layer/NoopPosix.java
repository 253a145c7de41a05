package dev.docklab.engine.layer;

import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Posix that does nothing: for tests that unpack layers without root and only look at what lands where. */
public final class NoopPosix implements Posix {
  @Override
  public void mount(String source, Path target, String fsType, long flags, String data) {}

  @Override
  public void umount(Path target, int flags) {}

  @Override
  public void mknod(Path path, int mode, int major, int minor) {
    try {
      Files.createFile(path); // stands in for the device node
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void lchown(Path path, int uid, int gid) {}

  @Override
  public void chmod(Path path, int mode) {}

  @Override
  public void lutimes(Path path, long epochSeconds, long nanos) {}

  @Override
  public void lsetxattr(Path path, String name, byte[] value) {}

  @Override
  public byte[] lgetxattr(Path path, String name) {
    return null;
  }

  @Override
  public int geteuid() {
    return 0;
  }

  @Override
  public void niceThisThread(int nice) {
    // a fake: no thread is made nicer
  }
}
