package dev.docklab.lessons.run;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.lessons.check.EngineView;
import dev.docklab.lessons.check.Http;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a lesson headless on a real engine, as {@code lesson test} does: the start state prepared,
 * then for each step its goal must not hold yet, its solution is typed (through the {@link Console},
 * docklab's own shell), each line that changes the lesson's things undone once and typed again, and
 * its goal must then hold (within a few seconds, for what starts in the background); at the end a
 * reset must bring back the start. {@code answer TEXT} lines are answered here, as the lesson's
 * runner would take them.
 */
public final class LessonPlayer {
  /** Where the solution's lines are typed. */
  @FunctionalInterface
  public interface Console {
    /** Runs one line; returns its exit status. */
    int run(String line);
  }

  /**
   * How a lesson played.
   *
   * @param failures what went wrong, one each (empty: it passed)
   */
  public record Outcome(String lesson, int steps, List<Failure> failures, Duration took) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  private final Engine engine;
  private final Console console;
  private final Http http;
  private final Duration patience;

  public LessonPlayer(Engine engine, Console console, Http http, Duration patience) {
    this.engine = engine;
    this.console = console;
    this.http = http;
    this.patience = patience;
  }

  /**
   * Plays {@code lesson} from its start state to its last step. Each solution line that changes the
   * lesson's things is undone once (the things must be back as they were) and typed again; at the end
   * the lesson is reset (its things must be as at the start, and the first goal must not hold).
   */
  public Outcome play(Lesson lesson) {
    long t0 = System.nanoTime();
    List<Failure> failures = new ArrayList<>();
    Instant started = Instant.now();
    LessonRun run;
    try {
      StartStage.prepare(engine, lesson);
      engine.system().keepRemoved(true); // what a line removes can come back, as in a learner's lesson
      engine.system().dropKept(Instant.now());
      run = LessonRun.start(lesson, started, LessonReset.tags(engine));
    } catch (EngineException e) {
      failures.add(Failure.engine(Failure.Kind.START_STATE, e));
      return new Outcome(lesson.id(), lesson.steps().size(), failures, Duration.ofNanos(System.nanoTime() - t0));
    }
    try {
      List<String> atStart = byName(LessonUndo.things(engine, lesson, started));
      while (!run.finished()) {
        Step step = run.step();
        int where = run.stepIndex() + 1;
        if (run.goal(EngineView.of(engine), http).holds()) {
          failures.add(new Failure(Failure.Kind.HOLDS_BEFORE, where, List.of(), null));
          break;
        }
        for (String line : step.play()) {
          int status = typeAndUndo(run, line, started, where, failures);
          if (status != 0) {
            failures.add(new Failure(Failure.Kind.EXITED, where, List.of(line, String.valueOf(status)), null));
          }
        }
        GoalReport report = await(run);
        if (!report.holds()) {
          failures.add(new Failure(Failure.Kind.NOT_AFTER, where, List.of(notYet(report)), null));
          break;
        }
        run.pass(report, Instant.now());
      }
      if (failures.isEmpty()) {
        reset(lesson, run, atStart, failures);
      }
    } catch (EngineException e) {
      failures.add(Failure.engine(Failure.Kind.ENGINE, e));
    } finally {
      engine.system().keepRemoved(false);
    }
    return new Outcome(lesson.id(), lesson.steps().size(), failures, Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * Types {@code line}; when it changed the lesson's things, undoes it (they must be back as before)
   * and types it again. Returns the status of the line as typed last.
   */
  private int typeAndUndo(LessonRun run, String line, Instant started, int where, List<Failure> failures) {
    List<String> before = LessonUndo.things(engine, run.lesson(), started);
    engine.system().dropKept(Instant.now());
    int status = type(run, line);
    List<String> after = LessonUndo.things(engine, run.lesson(), started);
    if (status != 0 || sorted(after).equals(sorted(before))) {
      return status;
    }
    List<NotUndone> not = LessonUndo.undo(engine, run.lesson(), started, before);
    List<String> back = LessonUndo.things(engine, run.lesson(), started);
    if (!not.isEmpty() || !sorted(back).equals(sorted(before))) {
      StringBuilder why = new StringBuilder();
      not.forEach(n -> why.append("; ").append(n.what()).append(": ").append(n.reason()));
      failures.add(new Failure(Failure.Kind.UNDO_DIFFERS, where, List.of(line, missing(before, back).toString(),
          missing(back, before).toString(), why.toString()), null));
    }
    engine.system().dropKept(Instant.now());
    return type(run, line);
  }

  /** Resets the lesson: its things must be as at the start, and its first goal must not hold. */
  private void reset(Lesson lesson, LessonRun run, List<String> atStart, List<Failure> failures) {
    LessonRun again = LessonReset.reset(engine, lesson, run.progress(), Instant.now());
    List<String> now = byName(LessonUndo.things(engine, lesson, again.progress().startInstant()));
    if (!now.equals(atStart)) {
      failures.add(new Failure(Failure.Kind.RESET_DIFFERS, 0, List.of(missing(atStart, now).toString(),
          missing(now, atStart).toString()), null));
    }
    if (again.goal(EngineView.of(engine), http).holds()) {
      failures.add(new Failure(Failure.Kind.RESET_HOLDS, 1, List.of(), null));
    }
  }

  /** The things without container ids (reset makes the start's containers anew), sorted. */
  private static List<String> byName(List<String> things) {
    return sorted(things.stream().map(t -> t.startsWith("c ") ? "c" + t.substring(t.indexOf(' ', 2)) : t).toList());
  }

  private static List<String> sorted(List<String> things) {
    List<String> s = new ArrayList<>(things);
    s.sort(null);
    return s;
  }

  /** What {@code expected} has and {@code actual} lacks. */
  private static List<String> missing(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    return missing;
  }

  private int type(LessonRun run, String line) {
    String t = line.strip();
    if (t.equals("answer") || t.startsWith("answer ")) {
      run.answer(t.substring("answer".length()).strip());
      return 0;
    }
    return console.run(line);
  }

  private GoalReport await(LessonRun run) {
    long deadline = System.nanoTime() + patience.toNanos();
    GoalReport report = run.goal(EngineView.of(engine), http);
    while (!report.holds() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      report = run.goal(EngineView.of(engine), http);
    }
    return report;
  }

  private static String notYet(GoalReport report) {
    List<String> parts = new ArrayList<>();
    for (GoalReport.Line l : report.lines()) {
      if (!l.verdict().holds()) {
        parts.add(l.item().check().kind() + " " + l.item().check().facts());
      }
    }
    return String.join("; ", parts);
  }
}
