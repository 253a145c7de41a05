package dev.docklab.engine.container;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.sys.SeqPacketSocket;
import java.util.Arrays;

/** An attachment through a container monitor's (conmon's) attach socket, a SOCK_SEQPACKET socket. */
final class MonitorAttachment implements Attachment {
  private final SeqPacketSocket socket;
  private final ContainerFiles.Bundle bundle;

  MonitorAttachment(SeqPacketSocket socket, ContainerFiles.Bundle bundle) {
    this.socket = socket;
    this.bundle = bundle;
  }

  static MonitorAttachment open(ContainerFiles.Bundle bundle) {
    return new MonitorAttachment(SeqPacketSocket.connect(bundle.attachSocket()), bundle);
  }

  /** The next output packet, or null when the container's output has ended (or this was closed). */
  @Override
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
  @Override
  public void write(byte[] bytes) {
    socket.write(bytes);
  }

  /** Ends the container's stdin. */
  @Override
  public void closeStdin() {
    socket.shutdownOutput();
  }

  /** Resizes the container's pseudo-terminal. */
  @Override
  public void resize(int rows, int cols) {
    Conmon.resize(bundle, rows, cols);
  }

  @Override
  public void close() {
    socket.close();
  }
}
