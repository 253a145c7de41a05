package dev.docklab.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** HTTP/1.1 by hand over the daemon's socket: for the requests the docker CLI never sends. */
final class RawHttp {
  private RawHttp() {}

  /** Sends one request (with {@code Connection: close}) and returns the whole response, head and body. */
  static String exchange(Path socket, String method, String path, String body) throws IOException {
    try (SocketChannel ch = open(socket)) {
      send(ch, method, path, body, "Connection: close\r\n");
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      Channels.newInputStream(ch).transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  static SocketChannel open(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return ch;
  }

  static void send(SocketChannel ch, String method, String path, String body, String headers) throws IOException {
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\n" + headers
        + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + b.length + "\r\n") + "\r\n";
    ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
    if (b.length > 0) {
      ch.write(ByteBuffer.wrap(b));
    }
  }
}
