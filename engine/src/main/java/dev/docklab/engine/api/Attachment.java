package dev.docklab.engine.api;

/**
 * A connection to a running container's stdio: what it writes arrives as packets (stream 1 stdout,
 * 2 stderr), what is written here goes to its stdin.
 */
public interface Attachment extends AutoCloseable {
  /** Output from the container. */
  record Packet(int stream, byte[] data) {}

  /** The next output packet, or null when the container's output has ended (or this was closed). */
  Packet read();

  /** Sends bytes to the container's stdin. */
  void write(byte[] bytes);

  /** Ends the container's stdin. */
  void closeStdin();

  /** Resizes the container's pseudo-terminal. */
  void resize(int rows, int cols);

  @Override
  void close();
}
