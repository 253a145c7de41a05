package dev.docklab.daemon.client;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.EngineException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A container's stdio over the daemon's socket, as the docker CLI holds it: Docker's attach route,
 * hijacked ({@code Upgrade: tcp}), then Docker's stream framing (raw with a terminal, multiplexed
 * without); resizes through Docker's resize route.
 */
final class RemoteAttachment implements Attachment {
  private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  private final SocketChannel channel;
  private final DataInputStream in;
  private final OutputStream out;
  private final boolean multiplexed;
  private final String ref;
  private final RemoteCalls calls;

  private RemoteAttachment(SocketChannel channel, DataInputStream in, boolean multiplexed, String ref,
      RemoteCalls calls) {
    this.channel = channel;
    this.in = in;
    this.out = new ChannelOut(channel);
    this.multiplexed = multiplexed;
    this.ref = ref;
    this.calls = calls;
  }

  /** Attaches to {@code ref}'s stdio: now when it runs, else at its start. */
  static RemoteAttachment open(Path socket, String ref, RemoteCalls calls) {
    SocketChannel ch = null;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      String path = "/containers/" + URLEncoder.encode(ref, StandardCharsets.UTF_8)
          + "/attach?stream=1&stdin=1&stdout=1&stderr=1";
      String request = "POST " + path + " HTTP/1.1\r\nHost: docklab\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n"
          + "Content-Length: 0\r\n\r\n";
      new ChannelOut(ch).write(request.getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(new BufferedInputStream(new ChannelIn(ch)));
      String status = line(in);
      String contentType = "";
      int length = 0;
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon).trim();
        String value = colon < 0 ? "" : h.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Type")) {
          contentType = value;
        } else if (name.equalsIgnoreCase("Content-Length")) {
          length = Integer.parseInt(value);
        }
      }
      String[] parts = status.split(" ", 3);
      int code = parts.length > 1 ? Integer.parseInt(parts[1]) : 500;
      if (code != 101 && code != 200) {
        byte[] body = in.readNBytes(length);
        throw RemoteCalls.httpFailure(code, new String(body, StandardCharsets.UTF_8));
      }
      RemoteAttachment a = new RemoteAttachment(ch, in, contentType.startsWith(MULTIPLEXED), ref, calls);
      ch = null;
      return a;
    } catch (IOException | NumberFormatException e) {
      throw EngineException.system("attaching to " + ref + " through " + socket + ": " + e.getMessage(), e);
    } finally {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException e) {
          // failed already
        }
      }
    }
  }

  /**
   * The socket's input, read straight from the channel: the JDK's channel streams take one lock for
   * reading and writing, so a read waiting for the container's output would hold up the keys typed.
   */
  private static final class ChannelIn extends InputStream {
    private final SocketChannel ch;

    ChannelIn(SocketChannel ch) {
      this.ch = ch;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = ch.read(ByteBuffer.wrap(b, off, len));
      return n < 0 ? -1 : n;
    }
  }

  /** The socket's output, written straight to the channel (see {@link ChannelIn}). */
  private static final class ChannelOut extends OutputStream {
    private final SocketChannel ch;

    ChannelOut(SocketChannel ch) {
      this.ch = ch;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the daemon hung up");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public Packet read() {
    try {
      if (!multiplexed) {
        byte[] buf = new byte[8192];
        int n = in.read(buf);
        return n < 0 ? null : new Packet(1, Arrays.copyOf(buf, n));
      }
      byte[] header = new byte[8];
      in.readFully(header);
      int n = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
      byte[] data = new byte[n];
      in.readFully(data);
      return new Packet(header[0] == 2 ? 2 : 1, data);
    } catch (IOException e) {
      return null; // the output ended, or this was closed
    }
  }

  @Override
  public void write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // the container's stdin is gone: the next read says the attachment ended
    }
  }

  @Override
  public void closeStdin() {
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      // closed already
    }
  }

  @Override
  public void resize(int rows, int cols) {
    calls.resize(ref, rows, cols);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closed already
    }
  }
}
