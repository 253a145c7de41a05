package dev.docklab.shell.lesson;

import dev.docklab.lessons.check.Check;
import dev.docklab.lessons.check.Fact;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Step;
import dev.docklab.lessons.model.Text;
import dev.docklab.lessons.run.GoalReport;
import dev.docklab.lessons.run.LessonProgress;
import dev.docklab.lessons.run.LessonStatus;
import dev.docklab.lessons.run.NotUndone;
import dev.docklab.lessons.run.Progress;
import dev.docklab.lessons.run.StepResult;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Table;
import dev.docklab.shell.render.Wrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What lessons show, as pure functions that return lines, in the learner's language, wrapped at word
 * boundaries (by display width: a CJK character takes two columns) to the terminal's {@code width}.
 */
public final class LessonViews {
  private LessonViews() {}

  /** {@code lessons}: the course, each lesson with its progress; {@code active} is marked. */
  public static List<String> course(List<Lesson> lessons, Progress progress, String active, Messages m,
      int width) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < lessons.size(); i++) {
      Lesson l = lessons.get(i);
      rows.add(List.of((l.id().equals(active) ? "▶ " : "  ") + (i + 1), l.id(), status(l, progress.of(l.id()), m),
          text(l.title(), m)));
    }
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.course.title"), "", width));
    lines.addAll(Table.render(List.of("  #", m.get("lesson.col.id"), m.get("lesson.col.progress"),
        m.get("lesson.col.title")), rows, width));
    return lines;
  }

  private static String status(Lesson l, LessonProgress p, Messages m) {
    return switch (p.status()) {
      case DONE -> m.get("lesson.status.done");
      case IN_PROGRESS -> m.get("lesson.status.in-progress", p.step() + 1, l.steps().size());
      case NOT_STARTED -> m.get("lesson.status.not-started");
    };
  }

  /**
   * What {@code undo} did: back as before, or each thing that could not come back with the engine's
   * reason; then the pushes, which nothing takes back.
   */
  public static List<String> undone(List<NotUndone> not, List<String> pushed, Messages m, int width) {
    List<String> lines = new ArrayList<>();
    for (NotUndone n : not) {
      lines.addAll(wrap(m.get("lesson.undo.failed." + n.kind().name().toLowerCase(Locale.ROOT), n.what(),
          n.reason()), "", width));
    }
    lines.addAll(wrap(m.get(not.isEmpty() ? "lesson.undo" : "lesson.undo.partly"), "", width));
    if (!pushed.isEmpty()) {
      lines.addAll(wrap(m.get("lesson.undo.cannot", String.join(", ", pushed)), "", width));
    }
    return lines;
  }

  /** A lesson just started: its title, introduction and first step. */
  public static List<String> start(Lesson l, int number, int count, Messages m, int width) {
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.start", number, count, text(l.title(), m)), "", width));
    lines.addAll(wrap(text(l.intro(), m), "", width));
    lines.add("");
    lines.addAll(step(l, 0, m, width));
    return lines;
  }

  /** A lesson taken up again where it was left. */
  public static List<String> resume(Lesson l, int number, int step, Messages m, int width) {
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.resume", number, text(l.title(), m), step + 1, l.steps().size()), "", width));
    lines.addAll(step(l, step, m, width));
    return lines;
  }

  /** A step: its number and instruction, and how to get help. */
  public static List<String> step(Lesson l, int index, Messages m, int width) {
    Step s = l.steps().get(index);
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.step", index + 1, l.steps().size()), "", width));
    lines.addAll(wrap(text(s.instruction(), m), "  ", width));
    lines.addAll(wrap(m.get("lesson.step.help"), "  ", width));
    return lines;
  }

  /** {@code goal}: the step's goal, then each check as passed or not yet. */
  public static List<String> goal(Lesson l, int index, GoalReport report, Messages m, int width) {
    Step s = l.steps().get(index);
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.goal.title", index + 1, l.steps().size()), "", width));
    lines.addAll(wrap(text(s.goal(), m), "  ", width));
    for (GoalReport.Line line : report.lines()) {
      String key = line.verdict().holds() ? "lesson.goal.passed" : "lesson.goal.not-yet";
      lines.addAll(Wrap.lines(m.get(key, describe(line.item(), m)), "  ", "      ", width));
    }
    lines.addAll(wrap(m.get(report.holds() ? "lesson.goal.holds" : "lesson.goal.not-holds"), "", width));
    return lines;
  }

  /** A step just passed: how many commands it took, what to look at, and what comes next. */
  public static List<String> passed(Lesson l, StepResult r, int number, Messages m, int width) {
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.passed", r.step(), l.steps().size()), "", width));
    lines.addAll(wrap(m.get(r.help() ? "lesson.golf.help" : "lesson.golf", r.commands(), r.reference()), "", width));
    if (r.explain() != null) {
      lines.addAll(wrap(m.get("lesson.explain", r.explain()), "", width));
    }
    if (r.lessonDone()) {
      lines.addAll(done(l, number, m, width));
    } else {
      lines.add("");
      lines.addAll(step(l, r.step(), m, width));
    }
    return lines;
  }

  /** A lesson whose every step is done. */
  public static List<String> done(Lesson l, int number, Messages m, int width) {
    return wrap(m.get("lesson.done", number, text(l.title(), m)), "", width);
  }

  /** {@code hint}: tier {@code tier} (from 1) of {@code tiers}. */
  public static List<String> hint(Text hint, int tier, int tiers, Messages m, int width) {
    return wrap(m.get("lesson.hint", tier, tiers, text(hint, m)), "", width);
  }

  /**
   * {@code solution}: the reference commands; one wider than the line is broken at a space with a
   * {@code \} at the end, so that it still types as one command.
   */
  public static List<String> solution(Step s, int index, Messages m, int width) {
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap(m.get("lesson.solution", index + 1), "", width));
    for (String cmd : s.solution()) {
      lines.addAll(Wrap.command(cmd, "  ", width));
    }
    return lines;
  }

  /** A mistake the last line made, said at once: {@code >> } and the text, wrapped under itself. */
  public static List<String> mistake(String text, Messages m, int width) {
    return Wrap.lines(m.get("lesson.mistake.note", text), "", "   ", width);
  }

  /** Any other text the lesson words say, wrapped. */
  public static List<String> say(String text, int width) {
    return wrap(text, "", width);
  }

  /** One check as {@code goal} shows it: the lesson's own words, or docklab's from its fields. */
  public static String describe(CheckItem item, Messages m) {
    if (item.say() != null) {
      return text(item.say(), m);
    }
    Check c = item.check();
    List<String> own = new ArrayList<>();
    List<String> in = new ArrayList<>();
    for (Fact f : c.facts()) {
      if (f.name().startsWith("in.")) {
        in.add(fact(new Fact(f.name().substring(3), f.value()), m));
      } else {
        own.add(fact(f, m));
      }
    }
    String sep = m.get("lesson.fact.sep");
    String said = m.get("lesson.check." + c.kind(), String.join(sep, own));
    return in.isEmpty() ? said : said + sep + m.get("lesson.fact.in", String.join(sep, in));
  }

  private static String fact(Fact f, Messages m) {
    String exact = "lesson.fact." + f.name() + "." + f.value();
    return m.has(exact) ? m.get(exact) : m.get("lesson.fact." + f.name(), f.value());
  }

  /** The text in the learner's language. */
  static String text(Text t, Messages m) {
    return t.in(m.lang() == Messages.Lang.ZH);
  }

  private static List<String> wrap(String text, String indent, int width) {
    return Wrap.lines(text, indent, width);
  }
}
