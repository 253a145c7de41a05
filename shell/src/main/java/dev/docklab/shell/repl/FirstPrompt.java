package dev.docklab.shell.repl;

import java.io.PrintStream;
import java.util.List;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The welcome and the first prompt, drawn as soon as the terminal is open, before the line editor and
 * the shell behind it are made (a tenth of a second or two of a cold JVM's time). Meanwhile the
 * terminal neither echoes nor edits what is typed: the keys wait in it, as typed, until the line editor
 * takes over ({@link #handOver}), reads them and shows them after the same prompt, which it draws over
 * this one. Nothing typed is lost, and no key is shown twice. Ctrl-C drops what was typed before it and
 * gives a new prompt, as it does in the line editor.
 */
public final class FirstPrompt {
  private final Terminal terminal;
  private final Attributes before;
  private final String prompt;
  private final PrintStream out;
  private boolean handedOver;

  private FirstPrompt(Terminal terminal, Attributes before, String prompt, PrintStream out) {
    this.terminal = terminal;
    this.before = before;
    this.prompt = prompt;
    this.out = out;
  }

  /** Prints {@code welcome} and {@code prompt} on {@code out}, the terminal's output. */
  static FirstPrompt draw(Terminal terminal, List<String> welcome, String prompt, PrintStream out) {
    // raw as the line editor will make it: keys reach it as typed, not edited by the terminal line by line
    Attributes before = terminal.enterRawMode();
    welcome.forEach(out::println);
    out.flush();
    // and the keys sent as to the line editor: the cursor keys in the terminal's application mode (as the
    // editor's key map has them) and a paste bracketed, as the editor asks at each line
    terminal.puts(Capability.keypad_xmit);
    terminal.writer().write(LineReaderImpl.BRACKETED_PASTE_ON);
    terminal.flush();
    out.print(prompt);
    out.flush();
    FirstPrompt first = new FirstPrompt(terminal, before, prompt, out);
    terminal.handle(Terminal.Signal.INT, sig -> first.dropTyped());
    return first;
  }

  /**
   * Ctrl-C before the line editor is there: the terminal itself has dropped the keys typed before it
   * (its input is flushed at the interrupt key unless {@code noflsh} is set), and the prompt is drawn anew.
   */
  private synchronized void dropTyped() {
    if (!handedOver) {
      out.print("\n" + prompt);
      out.flush();
    }
  }

  /** The terminal the prompt is on. */
  Terminal terminal() {
    return terminal;
  }

  /**
   * Gives the terminal back as it was, for the line editor, which puts it in its own mode when it reads
   * (the keys typed so far stay in the terminal for it), and moves to the prompt's start, where the
   * editor draws it again; Ctrl-C goes to {@code interrupt} from now on.
   */
  synchronized void handOver(Terminal.SignalHandler interrupt) {
    handedOver = true;
    terminal.handle(Terminal.Signal.INT, interrupt);
    terminal.setAttributes(before);
    out.print('\r');
    out.flush();
  }
}
