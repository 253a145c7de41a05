package dev.docklab.lessons.run;

import dev.docklab.lessons.check.EngineView;
import dev.docklab.lessons.check.Http;
import dev.docklab.lessons.check.Probe;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Step;
import dev.docklab.lessons.model.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson being followed: which step the learner is at, what they typed, the hints they saw; the
 * step's goal evaluated on the engine's real state, and the step passed when it holds.
 */
public final class LessonRun {
  private final Lesson lesson;
  private LessonProgress progress;

  private LessonRun(Lesson lesson, LessonProgress progress) {
    this.lesson = lesson;
    this.progress = progress;
  }

  /** The lesson from its first step, started at {@code now}. */
  public static LessonRun start(Lesson lesson, Instant now) {
    return new LessonRun(lesson, LessonProgress.startedAt(now));
  }

  /** The lesson from its first step, started at {@code now} on a machine with the image names {@code tags}. */
  public static LessonRun start(Lesson lesson, Instant now, List<String> tags) {
    return new LessonRun(lesson, LessonProgress.startedAt(now, tags));
  }

  /** The lesson where {@code progress} left it. */
  public static LessonRun resume(Lesson lesson, LessonProgress progress) {
    int step = Math.min(progress.step(), lesson.steps().size() - 1);
    return new LessonRun(lesson, new LessonProgress(progress.status(), step, progress.started(),
        progress.stepStarted(), progress.commands(), progress.hints(), progress.help(), progress.answer(),
        progress.done(), progress.tagsAtStart(),
        progress.before(), progress.after(), progress.pushed()));
  }

  public Lesson lesson() {
    return lesson;
  }

  /** The progress to save. */
  public LessonProgress progress() {
    return progress;
  }

  /** The current step's index, from 0. */
  public int stepIndex() {
    return progress.step();
  }

  public Step step() {
    return lesson.steps().get(progress.step());
  }

  /** Whether every step is done. */
  public boolean finished() {
    return progress.status() == LessonStatus.DONE;
  }

  /** The current step's goal, check by check, on the engine's state now. */
  public GoalReport goal(EngineView view, Http http) {
    Probe probe = new Probe(view, http, progress.startInstant(), progress.stepInstant(), progress.answer());
    List<GoalReport.Line> lines = new ArrayList<>();
    for (CheckItem item : step().checks()) {
      lines.add(new GoalReport.Line(item, item.check().test(probe)));
    }
    return new GoalReport(lines);
  }

  /** The lesson's things now ({@link LessonUndo#things}); {@code first} at the lesson's start. */
  public void seen(List<String> things, boolean first) {
    seen(things, first, List.of());
  }

  /**
   * The lesson's things after a line that pushed {@code pushes}; true when the line changed them (what
   * was kept of things removed before it is then no more use to {@code undo}).
   */
  public boolean seen(List<String> things, boolean first, List<String> pushes) {
    LessonProgress was = progress;
    progress = progress.seen(things, first, pushes);
    return !progress.after().equals(was.after());
  }

  /** The last change to the lesson's things was undone. */
  public void undone() {
    progress = progress.undone();
  }

  /** The learner typed a line in this step. */
  public void typed() {
    progress = progress.typed();
  }

  /** The learner answered {@code text} ({@code answer TEXT}). */
  public void answer(String text) {
    progress = progress.answered(text);
  }

  /** The next hint tier, or null when every tier was shown. */
  public Text nextHint() {
    List<Text> tiers = step().hints().tiers();
    if (progress.hints() >= tiers.size()) {
      return null;
    }
    Text t = tiers.get(progress.hints());
    progress = progress.hinted();
    return t;
  }

  /** The hint tiers shown so far in this step, and how many there are. */
  public int hintsShown() {
    return progress.hints();
  }

  /** The reference commands; the step will count as solved with help. */
  public List<String> solution() {
    progress = progress.helped();
    return step().solution();
  }

  /** Passes the current step (its goal holds, as {@code report} says) and moves to the next one. */
  public StepResult pass(GoalReport report, Instant now) {
    Step s = step();
    int number = progress.step() + 1;
    int commands = progress.commands();
    boolean help = progress.help();
    progress = progress.passed(s.solution().size(), lesson.steps().size(), now);
    String explain = s.explain();
    if (explain != null && report.container() != null) {
      explain = explain.replace("{container}", report.container());
    }
    if (explain != null && explain.contains("{container}")) {
      explain = null; // no container to show it on
    }
    return new StepResult(number, commands, s.solution().size(), help, explain, finished());
  }
}
