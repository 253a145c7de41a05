package dev.docklab.shell.repl;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.DetachKeys;
import dev.docklab.shell.io.Interaction;
import dev.docklab.shell.io.StreamInteraction;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * The container on the learner's own terminal: raw mode for a tty container (so Ctrl-C, line editing
 * and full-screen programs belong to the container), the window size passed on and kept in step,
 * and Ctrl+P Ctrl+Q to detach, as Docker does.
 */
public final class TerminalInteraction implements Interaction {
  private final Terminal terminal;

  public TerminalInteraction(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public boolean confirm(String question) {
    terminal.writer().print(question);
    terminal.flush();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(
          new FileInputStream(FileDescriptor.in)));
      String a = r.readLine();
      return a != null && (a.strip().equalsIgnoreCase("y") || a.strip().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String prompt(String question, boolean secret) {
    try {
      return LineReaderBuilder.builder().terminal(terminal).build()
          .readLine(question, secret ? Character.valueOf('\0') : null);
    } catch (UserInterruptException | EndOfFileException e) {
      return null;
    }
  }

  @Override
  public boolean isTerminal() {
    return true;
  }

  @Override
  public Optional<Terminal> terminal() {
    return Optional.of(terminal);
  }

  /** The terminal's columns now, or 80 when it does not say (a size of 0). */
  @Override
  public int width() {
    int columns = terminal.getWidth();
    return columns > 0 ? columns : StreamInteraction.WIDTH;
  }

  @Override
  public boolean attach(Attachment attachment, boolean tty, boolean stdin) {
    return attach(attachment, tty, stdin, DetachKeys.defaults());
  }

  @Override
  public boolean attach(Attachment attachment, boolean tty, boolean stdin, byte[] detachKeys) {
    DetachKeys keys = new DetachKeys(detachKeys);
    Attributes saved = tty ? terminal.enterRawMode() : null;
    Terminal.SignalHandler previousWinch = null;
    if (tty) {
      resize(attachment);
      previousWinch = terminal.handle(Terminal.Signal.WINCH, sig -> resize(attachment));
    }
    OutputStream out = terminal.output();
    Thread output = new Thread(() -> {
      Attachment.Packet p;
      try {
        while ((p = attachment.read()) != null) {
          out.write(p.data());
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        // the terminal or the container went away
      }
    }, "container-output");
    output.setDaemon(true);
    output.start();
    boolean detached = false;
    try {
      // Read the terminal's bytes directly and only when some are there: a blocked read left behind
      // would steal the keys meant for the next program (an exec'd shell, a host command).
      InputStream in = new FileInputStream(FileDescriptor.in);
      byte[] buf = new byte[4096];
      while (output.isAlive()) {
        int available = stdin ? in.available() : 0;
        if (available <= 0) {
          output.join(10);
          continue;
        }
        int n = in.read(buf, 0, Math.min(buf.length, available));
        if (n < 0) {
          attachment.closeStdin();
          stdin = false;
          continue;
        }
        byte[] send = keys.scan(buf, n);
        detached = keys.detached();
        if (send.length > 0) {
          attachment.write(send);
        }
        if (detached) {
          break;
        }
      }
    } catch (IOException e) {
      // the terminal closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the container's side closed while we wrote
    } finally {
      attachment.close();
      try {
        output.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (saved != null) {
        discardTerminalReplies();
        terminal.setAttributes(saved);
      }
      if (previousWinch != null) {
        terminal.handle(Terminal.Signal.WINCH, previousWinch);
      }
      terminal.writer().println();
      terminal.flush();
    }
    return detached;
  }

  /**
   * A shell in the container asks the terminal where the cursor is (ESC [ 6 n); the terminal's answer
   * (ESC [ row ; col R) can arrive just after the learner detached, and would be typed into docklab's
   * next line. Wait a moment, still in raw mode, and drop what arrived.
   */
  private static void discardTerminalReplies() {
    try {
      InputStream in = new FileInputStream(FileDescriptor.in);
      Thread.sleep(100);
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.available()) > 0) {
        if (in.read(buf, 0, Math.min(n, buf.length)) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      // nothing to drop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void resize(Attachment attachment) {
    Size size = terminal.getSize();
    if (size.getRows() > 0 && size.getColumns() > 0) {
      attachment.resize(size.getRows(), size.getColumns());
    }
  }

  @Override
  public int runOnTerminal(List<String> command, Path cwd, Map<String, String> env) {
    // The program gets the terminal as a terminal normally is: line by line, echoing, Ctrl-C a signal.
    Attributes saved = terminal.getAttributes();
    Attributes cooked = new Attributes(saved);
    cooked.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
        Attributes.LocalFlag.ECHOE, Attributes.LocalFlag.ECHOK, Attributes.LocalFlag.ISIG,
        Attributes.LocalFlag.IEXTEN), true);
    cooked.setInputFlag(Attributes.InputFlag.ICRNL, true);
    cooked.setOutputFlag(Attributes.OutputFlag.OPOST, true);
    terminal.setAttributes(cooked);
    try {
      ProcessBuilder pb = new ProcessBuilder(command).inheritIO().directory(cwd.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      return p.waitFor();
    } catch (IOException e) {
      terminal.writer().println("docklab: " + e.getMessage());
      return 126;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      terminal.setAttributes(saved);
    }
  }
}
