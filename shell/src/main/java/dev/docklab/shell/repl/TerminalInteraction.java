package dev.docklab.shell.repl;

import dev.docklab.engine.container.Attachment;
import dev.docklab.shell.command.Interaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The container on the learner's own terminal: raw mode for a tty container (so Ctrl-C, line editing
 * and full-screen programs belong to the container), the window size passed on and kept in step,
 * and Ctrl+P Ctrl+Q to detach, as Docker does.
 */
public final class TerminalInteraction implements Interaction {
  private static final int CTRL_P = 0x10;
  private static final int CTRL_Q = 0x11;
  private static final int READ_EXPIRED = -2;
  private final Terminal terminal;

  public TerminalInteraction(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public boolean isTerminal() {
    return true;
  }

  @Override
  public boolean attach(Attachment attachment, boolean tty, boolean stdin) {
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
      NonBlockingReader in = terminal.reader();
      boolean pendingCtrlP = false;
      boolean inputOpen = stdin;
      while (output.isAlive()) {
        int c = inputOpen ? in.read(100) : READ_EXPIRED;
        if (!inputOpen) {
          output.join(100);
          continue;
        }
        if (c == READ_EXPIRED) {
          continue;
        }
        if (c < 0) {
          attachment.closeStdin();
          inputOpen = false;
          continue;
        }
        if (pendingCtrlP) {
          pendingCtrlP = false;
          if (c == CTRL_Q) {
            detached = true;
            break;
          }
          attachment.write(new byte[] {CTRL_P});
        }
        if (c == CTRL_P) {
          pendingCtrlP = true;
          continue;
        }
        attachment.write(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
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

  private void resize(Attachment attachment) {
    Size size = terminal.getSize();
    if (size.getRows() > 0 && size.getColumns() > 0) {
      attachment.resize(size.getRows(), size.getColumns());
    }
  }

  @Override
  public int runOnTerminal(List<String> command, java.nio.file.Path cwd, java.util.Map<String, String> env) {
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
    }
  }
}
