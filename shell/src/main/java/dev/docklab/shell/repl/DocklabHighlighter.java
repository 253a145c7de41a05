package dev.docklab.shell.repl;

import dev.docklab.shell.builtin.Builtins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line as it is typed: a known command (docker and its subcommands, docklab's own
 * words, programs on this machine) in green, an unknown one in red, flags in cyan.
 */
public final class DocklabHighlighter implements Highlighter {
  private static final AttributedStyle KNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN).bold();
  private static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
  private static final AttributedStyle FLAG = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private final Builtins builtins;

  public DocklabHighlighter(Builtins builtins) {
    this.builtins = builtins;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    int i = 0;
    int word = 0;
    boolean afterDocker = false;
    while (i < buffer.length()) {
      char c = buffer.charAt(i);
      if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|') {
        if (c == ';' || c == '&' || c == '|') {
          word = 0;
          afterDocker = false;
        }
        b.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end)) && ";&|".indexOf(buffer.charAt(end)) < 0) {
        end++;
      }
      String w = buffer.substring(i, end);
      AttributedStyle style = AttributedStyle.DEFAULT;
      if (word == 0) {
        style = known(w) ? KNOWN : UNKNOWN;
        afterDocker = w.equals("docker");
      } else if (word == 1 && afterDocker) {
        style = builtins.docker().command(w) != null ? KNOWN : UNKNOWN;
      } else if (w.startsWith("-")) {
        style = FLAG;
      }
      b.styled(style, w);
      word++;
      i = end;
    }
    return b.toAttributedString();
  }

  private boolean known(String w) {
    if (builtins.isOwn(w) || w.startsWith("!") || w.startsWith("#")) {
      return true;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, w))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}
