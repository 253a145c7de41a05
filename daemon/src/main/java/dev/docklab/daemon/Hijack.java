package dev.docklab.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.FutureCallback;

/**
 * A hijacked connection, as dockerd's attach and exec start make one: the answer {@code 101 UPGRADED}
 * with {@code Upgrade: tcp}, then the socket's raw bytes both ways, read and written by a session of
 * its own thread.
 */
final class Hijack {
  /** What runs on the raw connection; it closes nothing, the connection is closed after it returns. */
  interface Session {
    void run(InputStream in, Output out) throws IOException;
  }

  /** The raw connection's output, with a half-close. */
  interface Output {
    OutputStream stream();

    /** Tells the client its input ended (dockerd's CloseWrite). */
    void closeWrite();
  }

  private Hijack() {}

  /**
   * Answers 101 and hands the connection to {@code session}; a client that asked for no upgrade gets a 200
   * whose body is the session's output (it sends no input).
   */
  static void upgrade(Exchange x, String contentType, String threadName, Session session) {
    boolean upgrade = "tcp".equalsIgnoreCase(x.header("Upgrade"));
    if (!upgrade) {
      // a client that asked for no upgrade (docker-java's exec without stdin) reads the stream as the body
      try (OutputStream body = x.stream(200, contentType)) {
        session.run(InputStream.nullInputStream(), new Output() {
          @Override
          public OutputStream stream() {
            return body;
          }

          @Override
          public void closeWrite() {
            // no stdin came: nothing to tell
          }
        });
      } catch (IOException e) {
        // the client went away: the response ends here
      }
      return;
    }
    x.response.setStatus(101);
    x.response.getHeaders().put("Content-Type", contentType);
    x.response.getHeaders().put("Connection", "Upgrade");
    x.response.getHeaders().put("Upgrade", "tcp");
    EndPoint endPoint = x.request.getConnectionMetaData().getConnection().getEndPoint();
    endPoint.setIdleTimeout(0);
    Raw raw = new Raw(endPoint, session, threadName);
    x.request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, raw);
    x.finish();
    x.response.write(true, null, x.callback);
  }

  /** The connection after the upgrade: blocking streams over Jetty's endpoint. */
  private static final class Raw extends AbstractConnection implements Connection.UpgradeTo {
    private final Session session;
    private final String threadName;
    private volatile ByteBuffer leftover;

    Raw(EndPoint endPoint, Session session, String threadName) {
      super(endPoint, Runnable::run);
      this.session = session;
      this.threadName = threadName;
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
      if (BufferUtil.hasContent(buffer)) {
        leftover = BufferUtil.copy(buffer);
      }
    }

    @Override
    public void onOpen() {
      super.onOpen();
      Thread t = new Thread(this::serve, threadName);
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void onFillable() {
      // reads are driven by the session's thread
    }

    private void serve() {
      EndPoint ep = getEndPoint();
      OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          FutureCallback done = new FutureCallback();
          ep.write(done, ByteBuffer.wrap(b.clone(), off, len));
          await(done);
        }
      };
      Output output = new Output() {
        @Override
        public OutputStream stream() {
          return out;
        }

        @Override
        public void closeWrite() {
          ep.shutdownOutput();
        }
      };
      try {
        session.run(new In(ep), output);
      } catch (IOException | RuntimeException e) {
        // the client went away, or the session failed: the connection closes either way
      } finally {
        ep.close();
      }
    }

    private static void await(FutureCallback done) throws IOException {
      try {
        done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      } catch (ExecutionException e) {
        throw new IOException("connection closed: " + e.getCause().getMessage(), e.getCause());
      }
    }

    /** The client's bytes, blocking. */
    private final class In extends InputStream {
      private final EndPoint ep;
      private final ByteBuffer buffer = BufferUtil.allocate(16 * 1024);

      In(EndPoint ep) {
        this.ep = ep;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        ByteBuffer left = leftover;
        if (left != null) {
          int n = Math.min(len, left.remaining());
          left.get(b, off, n);
          if (!left.hasRemaining()) {
            leftover = null;
          }
          return n;
        }
        while (!buffer.hasRemaining()) {
          BufferUtil.clear(buffer);
          int n = ep.fill(buffer);
          if (n < 0) {
            return -1;
          }
          if (n == 0) {
            FutureCallback readable = new FutureCallback();
            ep.fillInterested(readable);
            try {
              await(readable);
            } catch (IOException e) {
              return -1;
            }
          }
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
      }
    }
  }
}
