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
 * docklab's own shell), and its goal must then hold (within a few seconds, for what starts in the
 * background). {@code answer TEXT} lines are answered here, as the lesson's runner would take them.
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
   * @param failures what went wrong, one line each (empty: it passed)
   */
  public record Outcome(String lesson, int steps, List<String> failures, Duration took) {
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

  /** Plays {@code lesson} from its start state to its last step. */
  public Outcome play(Lesson lesson) {
    long t0 = System.nanoTime();
    List<String> failures = new ArrayList<>();
    LessonRun run = LessonRun.start(lesson, Instant.now());
    try {
      StartStage.prepare(engine, lesson);
    } catch (EngineException e) {
      failures.add("start state: " + e.getMessage());
      return new Outcome(lesson.id(), lesson.steps().size(), failures, Duration.ofNanos(System.nanoTime() - t0));
    }
    while (!run.finished()) {
      Step step = run.step();
      String where = "step " + (run.stepIndex() + 1);
      if (run.goal(EngineView.of(engine), http).holds()) {
        failures.add(where + ": the goal holds before its solution was typed");
        break;
      }
      for (String line : step.play()) {
        int status = type(run, line);
        if (status != 0) {
          failures.add(where + ": `" + line + "` exited with status " + status);
        }
      }
      GoalReport report = await(run);
      if (!report.holds()) {
        failures.add(where + ": the goal does not hold after its solution; not yet: " + notYet(report));
        break;
      }
      run.pass(report, Instant.now());
    }
    return new Outcome(lesson.id(), lesson.steps().size(), failures, Duration.ofNanos(System.nanoTime() - t0));
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
