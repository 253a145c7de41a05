package dev.docklab.lessons.record;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.docklab.lessons.check.ContainerCheck;
import dev.docklab.lessons.check.ImageCheck;
import dev.docklab.lessons.check.Scope;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.StartContainer;
import dev.docklab.lessons.model.StartState;
import dev.docklab.lessons.model.Step;
import dev.docklab.lessons.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A draft lesson as a lesson file, in the format {@code lessons/README.md} documents and
 * {@code LessonReader} reads back to the same lesson: comments that say what
 * to fill in, texts in both languages, checks as one-line maps. It writes what a draft has (container
 * and image checks, no mistakes).
 */
public final class DraftYaml {
  /** A word YAML reads as a string without quotes, in block and flow context alike. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  /** Words YAML 1.1 reads as booleans or null. */
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private final StringBuilder out = new StringBuilder();

  private DraftYaml() {}

  /** The lesson file of {@code lesson}. */
  public static String write(Lesson lesson) {
    DraftYaml y = new DraftYaml();
    y.lesson(lesson);
    return y.out.toString();
  }

  private void lesson(Lesson l) {
    line("# A draft lesson made by `lesson record`: the start state the recorded lines needed, the lines as");
    line("# the solution, and goal checks suggested from the state they left. Replace every TODO, in English");
    line("# and in Chinese, then check it: lesson lint FILE, and sudo scripts/docklab lesson test FILE.");
    line("# lessons/README.md documents every field.");
    line("id: " + scalar(l.id()));
    text("", "title", l.title());
    text("", "intro", l.intro());
    start(l.start());
    line("steps:");
    for (Step s : l.steps()) {
      step(s);
    }
  }

  private void start(StartState s) {
    boolean images = !s.images().present().isEmpty() || !s.images().absent().isEmpty();
    if (!images && s.containers().isEmpty()) {
      return;
    }
    line("start:                          # prepared before step 1 (by lesson N, and by lesson test)");
    if (images) {
      line("  images:");
      line("    present: " + list(s.images().present()) + "    # pulled when missing");
      line("    absent: " + list(s.images().absent()) + "     # names the lines made: removed at the start");
    }
    if (!s.containers().isEmpty()) {
      line("  containers:                   # created at the lesson's start, labelled as the lesson's");
      for (StartContainer c : s.containers()) {
        line("    - name: " + scalar(c.name()));
        line("      image: " + scalar(c.image()));
        line("      command: " + list(c.command()));
        line("      tty: " + c.tty());
        line("      interactive: " + c.interactive());
        line("      start: " + c.start());
      }
    }
  }

  private void step(Step s) {
    text("  - ", "instruction", s.instruction());
    text("    ", "goal", s.goal());
    line("    checks:                     # suggested from the state the lines left: edit, remove or add; goal");
    line("                                # describes each from its fields (give a `say` for words of your own)");
    if (s.checks().stream().anyMatch(c -> c.container() != null && c.container().publishes() != null)) {
      line("                                # publishes: \"80\" takes any host port; \"8080:80\" asks for that one");
    }
    for (CheckItem c : s.checks()) {
      line("      - " + check(c));
    }
    line("    hints:                      # hint gives one tier at a time");
    line("      nudge: " + flow(s.hints().nudge()));
    line("      family: " + flow(s.hints().family()));
    line("      command: " + flow(s.hints().command()));
    line("    solution:                   # the lines as they were typed; lesson test types them");
    for (String l : s.solution()) {
      line("      - " + quote(l));
    }
    if (!s.headless().isEmpty()) {
      line("    headless:");
      for (String l : s.headless()) {
        line("      - " + quote(l));
      }
    }
    if (s.explain() != null) {
      line("    explain: " + quote(s.explain()));
    } else {
      line("    # explain: explain layers IMAGE   (optional: the explain view to suggest once the goal holds)");
    }
  }

  private static String check(CheckItem item) {
    if (item.say() != null || (item.container() == null && item.image() == null)) {
      throw new IllegalArgumentException("a draft has container and image checks without say; not " + item);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    if (item.container() != null) {
      ContainerCheck c = item.container();
      f.put("name", c.name());
      f.put("image", c.image());
      f.put("label", c.label());
      f.put("exists", c.exists() ? null : false);
      f.put("state", c.state());
      f.put("exitCode", c.exitCode());
      f.put("tty", c.tty());
      f.put("interactive", c.interactive());
      f.put("command", c.command());
      f.put("publishes", c.publishes());
      f.put("publishAll", c.publishAll());
      f.put("mount", c.mount() == null ? null : mount(c.mount()));
      f.put("log", c.log());
      if (c.since() != Scope.LESSON) {
        f.put("since", c.since().word());
      }
      return "container: " + map(f);
    }
    ImageCheck i = item.image();
    f.put("ref", i.ref());
    f.put("exists", i.exists() ? null : false);
    f.put("sameAs", i.sameAs());
    f.put("base", i.base());
    f.put("moreLayers", i.moreLayers());
    f.put("author", i.author());
    f.put("comment", i.comment());
    f.put("cmd", i.cmd());
    return "image: " + map(f);
  }

  private static Raw mount(ContainerCheck.MountWant m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("destination", m.destination());
    f.put("type", m.type());
    f.put("source", m.source());
    f.put("readOnly", m.readOnly());
    return new Raw(map(f));
  }

  /** A value already written as YAML. */
  private record Raw(String yaml) {}

  /** {@code {k: v, ...}}, the null values left out. */
  private static String map(Map<String, Object> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> {
      if (v != null) {
        parts.add(k + ": " + value(v));
      }
    });
    return "{" + String.join(", ", parts) + "}";
  }

  private static String value(Object v) {
    if (v instanceof Raw r) {
      return r.yaml();
    }
    if (v instanceof Boolean || v instanceof Integer) {
      return v.toString();
    }
    return scalar(v.toString());
  }

  private void text(String indent, String name, Text t) {
    line(indent + name + ":");
    String inner = " ".repeat(indent.length() + 2);
    line(inner + "en: " + quote(t.en()));
    line(inner + "zh: " + quote(t.zh()));
  }

  private static String flow(Text t) {
    return "{en: " + quote(t.en()) + ", zh: " + quote(t.zh()) + "}";
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items.stream().map(DraftYaml::scalar).toList()) + "]";
  }

  /** {@code s} bare when YAML reads it back as the same string, else in double quotes. */
  static String scalar(String s) {
    return PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT)) ? s : quote(s);
  }

  /** {@code s} in double quotes, escaped as JSON (which YAML's double-quoted style reads the same). */
  static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  private void line(String l) {
    out.append(l).append('\n');
  }
}
