package dev.docklab.engine.container;

import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.sys.SeqPacketSocket;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A connection to a running container's stdio through its monitor's attach socket: what it writes
 * arrives as packets (stream 1 stdout, 2 stderr), what is written here goes to its stdin.
 */
public final class Attachment implements AutoCloseable {
  private final SeqPacketSocket socket;
  private final Path bundle;

  Attachment(SeqPacketSocket socket, Path bundle) {
    this.socket = socket;
    this.bundle = bundle;
  }

  static Attachment open(Path bundle) {
    return new Attachment(SeqPacketSocket.connect(bundle.resolve("attach")), bundle);
  }

  /** Output from the container. */
  public record Packet(int stream, byte[] data) {}

  /** The next output packet, or null when the container's output has ended (or this was closed). */
  public Packet read() {
    while (true) {
      byte[] p = socket.read();
      if (p == null) {
        return null;
      }
      if (p.length < 1) {
        continue;
      }
      // conmon numbers the streams 2 (stdout) and 3 (stderr)
      return new Packet(p[0] == 3 ? 2 : 1, Arrays.copyOfRange(p, 1, p.length));
    }
  }

  /** Sends bytes to the container's stdin. */
  public void write(byte[] bytes) {
    socket.write(bytes);
  }

  /** Ends the container's stdin. */
  public void closeStdin() {
    socket.shutdownOutput();
  }

  /** Resizes the container's pseudo-terminal. */
  public void resize(int rows, int cols) {
    Conmon.resize(bundle, rows, cols);
  }

  @Override
  public void close() {
    socket.close();
  }
}
