package dev.docklab.shell.explain;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.SignalWait;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.render.Wrap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code explain last}: each engine step of the last command as one entry (its number, step, time and
 * what it does), then its artifact (an HTTP request with its status, a mount's options...) wrapped at
 * word boundaries to the terminal's width, the container it concerns named in brackets. A REST call
 * of the Docker Engine API (an {@code api} step) is one line: method, path with query, status, time.
 */
public final class TraceView {
  private static final String INDENT = "       ";
  private static final String HANGING = " ".repeat(25);

  private TraceView() {}

  /**
   * The trace of {@code line}: {@code names} gives a container's name by its id (a container no longer
   * there is shown by its short id); {@code width} is the terminal's.
   */
  public static List<String> lines(String line, List<EngineEvent> events, Map<String, String> names, Messages m,
      int width) {
    List<String> out = new ArrayList<>();
    if (events.isEmpty() && line != null && !line.isBlank()) {
      // a command ran (docker ps, docker cp, echo...) but asked the engine to do nothing it reports as a step
      return Wrap.lines(m.get("explain.last.no-steps", line), "", "", width);
    }
    if (events.isEmpty()) {
      out.addAll(List.of(m.get("explain.last.none").split("\n")));
      return out;
    }
    out.addAll(Wrap.lines(m.get("explain.last.title", line), "", "  ", width));
    out.add("");
    List<String> clients = events.stream().filter(e -> e.step() == EventStep.API).map(EngineEvent::subject)
        .distinct().toList();
    if (!clients.isEmpty()) {
      out.addAll(Wrap.lines(m.get("explain.last.api", String.join(", ", clients)), "", "  ", width));
      out.add("");
    }
    int n = 1;
    for (EngineEvent e : events) {
      String step = e.step().key();
      String head = String.format("%2d. %-9s %9s  ", n++, step, took(e.took()));
      if (e.step() == EventStep.API) {
        List<String> call = artifact(e.detail(), HANGING, width);
        call.set(0, head + call.get(0).substring(HANGING.length()));
        out.addAll(call);
        continue;
      }
      out.addAll(Wrap.lines(m.has("explain.step." + step) ? m.get("explain.step." + step) : "", head, HANGING, width));
      String who = container(e.subject(), names);
      String detail = detail(e, m);
      SignalWait wait = SignalWait.parse(detail);
      if (wait != null) {
        out.addAll(Wrap.lines((who == null ? "" : "[" + who + "] ") + waitText(wait, m), INDENT, width));
      } else if (!detail.isEmpty() || who != null) {
        out.addAll(artifact((who == null ? "" : "[" + who + "] ") + detail, INDENT, width));
      }
    }
    return out;
  }

  /** A step's detail: docklab's own words in the learner's language, an artifact as the engine gave it. */
  static String detail(EngineEvent e, Messages m) {
    if (e.said() != null && m.has(e.said().key())) {
      return m.get(e.said().key(), e.args().toArray());
    }
    return e.detail() == null ? "" : e.detail();
  }

  /** What the grace period after a stop signal shows: how PID 1 took the signal, and why. */
  static String waitText(SignalWait w, Messages m) {
    String took = took(w.waited()).strip();
    if (w.exited()) {
      return m.get("explain.wait.exited", w.command(), took, w.signal());
    }
    return m.get("explain.wait." + w.handler().name().toLowerCase(Locale.ROOT), w.command(), took, w.signal());
  }

  /** A time as the trace shows it: {@code 3.2 ms} below a second, {@code 10.0 s} from one on. */
  static String took(Duration d) {
    if (d.isZero()) {
      return "";
    }
    double ms = d.toNanos() / 1e6;
    return ms < 1000 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  /** The container a step concerns: its name, its short id when it is gone, null when the subject is none. */
  private static String container(String subject, Map<String, String> names) {
    if (subject == null) {
      return null;
    }
    String name = names.get(subject);
    if (name != null) {
      return name;
    }
    return subject.matches("[0-9a-f]{64}") ? subject.substring(0, 12) : null;
  }

  /**
   * An artifact (a request line, mount options, a path) in lines of at most {@code width} columns:
   * broken at spaces, and a word too long for a line after {@code / & ? ,} too (and a digest wider than a
   * line where the line ends), so nothing is cut.
   */
  static List<String> artifact(String text, String indent, int width) {
    int room = Math.max(20, width - Text.width(indent));
    List<String> pieces = new ArrayList<>(); // a piece that starts with a space may break before it
    for (String word : text.strip().split(" +")) {
      if (Text.width(word) <= room) {
        pieces.add(" " + word);
        continue;
      }
      int start = 0;
      for (int i = 0; i < word.length(); i++) {
        if ("/&?,".indexOf(word.charAt(i)) >= 0 && i > start) {
          int end = word.charAt(i) == '/' ? i : i + 1;
          if (end > start) {
            pieces.add((start == 0 ? " " : "") + word.substring(start, end));
            start = end;
          }
        }
      }
      pieces.add((start == 0 ? " " : "") + word.substring(start));
    }
    pieces = split(pieces, room);
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String p : pieces) {
      String bare = p.startsWith(" ") ? p.substring(1) : p;
      if (cur.length() == 0) {
        cur.append(bare);
      } else if (Text.width(cur.toString()) + Text.width(p) <= room) {
        cur.append(p);
      } else {
        lines.add(indent + cur);
        cur = new StringBuilder(bare);
      }
    }
    if (cur.length() > 0) {
      lines.add(indent + cur);
    }
    return lines;
  }

  /** The pieces, a piece wider than {@code room} columns (a digest on a narrow terminal) in pieces that fit. */
  private static List<String> split(List<String> pieces, int room) {
    List<String> out = new ArrayList<>();
    for (String p : pieces) {
      String rest = p;
      while (rest.length() > room + (rest.startsWith(" ") ? 1 : 0)) {
        int cut = room + (rest.startsWith(" ") ? 1 : 0);
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      out.add(rest);
    }
    return out;
  }
}
