package dev.docklab.shell.io;

import dev.docklab.engine.api.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Interaction without a terminal: output to the streams, stdin from docklab's own stdin. */
public final class StreamInteraction implements Interaction {
  /** The width text is laid out for when there is no terminal to ask. */
  public static final int WIDTH = 80;
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;

  public StreamInteraction(PrintStream out, PrintStream err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  @Override
  public boolean confirm(String question) {
    out.print(question);
    out.flush();
    StringBuilder line = new StringBuilder();
    try {
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        line.append((char) c);
      }
    } catch (IOException e) {
      return false;
    }
    String a = line.toString().strip().toLowerCase();
    return a.equals("y") || a.equals("yes");
  }

  @Override
  public String prompt(String question, boolean secret) throws IOException {
    out.print(question);
    out.flush();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    return c < 0 && line.length() == 0 ? null : line.toString().strip();
  }

  @Override
  public boolean isTerminal() {
    return false;
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public boolean attach(Attachment attachment, boolean tty, boolean stdin) {
    Thread feeder = null;
    if (stdin) {
      feeder = new Thread(() -> {
        byte[] buf = new byte[8192];
        try {
          int n;
          while ((n = in.read(buf)) > 0) {
            attachment.write(Arrays.copyOf(buf, n));
          }
          attachment.closeStdin();
        } catch (IOException | RuntimeException e) {
          // the container went away
        }
      }, "stdin-to-container");
      feeder.setDaemon(true);
      feeder.start();
    }
    Attachment.Packet p;
    while ((p = attachment.read()) != null) {
      PrintStream target = p.stream() == 2 ? err : out;
      target.write(p.data(), 0, p.data().length);
      target.flush();
    }
    return false;
  }

  @Override
  public int runOnTerminal(List<String> command, Path cwd, Map<String, String> env) {
    try {
      return Processes.run(command, cwd, env, in, out, err);
    } catch (IOException e) {
      err.println("docklab: " + e.getMessage());
      return 127;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
