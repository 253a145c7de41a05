package dev.docklab.lessons.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's progress in one lesson, as {@code progress.json} keeps it.
 *
 * @param status not started, in progress or done
 * @param step the current step, from 0
 * @param started when the lesson started (its containers are those created since), ISO-8601
 * @param stepStarted when the current step started, ISO-8601
 * @param commands the lines typed in the current step
 * @param hints the hint tiers shown in the current step
 * @param help whether the current step's solution was shown
 * @param answer the last answer typed in the current step, or null
 * @param done how each finished step went
 * @param tagsAtStart the image names there were when the lesson started: a name made since is the
 *     lesson's, and {@code reset} removes it (null in progress saved before it was recorded)
 * @param before the lesson's things before the last line that changed them, for {@code undo}
 * @param after the lesson's things after that line
 * @param pushed the names pushed by that line and the lines since: {@code undo} cannot take a push back
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LessonProgress(LessonStatus status, int step, String started, String stepStarted, int commands,
    int hints, boolean help, String answer, List<StepRecord> done, List<String> tagsAtStart,
    List<String> before, List<String> after, List<String> pushed) {
  public LessonProgress {
    status = status == null ? LessonStatus.NOT_STARTED : status;
    done = done == null ? List.of() : List.copyOf(done);
    tagsAtStart = tagsAtStart == null ? null : List.copyOf(tagsAtStart);
    before = before == null ? List.of() : List.copyOf(before);
    after = after == null ? List.of() : List.copyOf(after);
    pushed = pushed == null ? List.of() : List.copyOf(pushed);
  }

  /** A lesson started at {@code now}, at its first step. */
  public static LessonProgress startedAt(Instant now) {
    return startedAt(now, null);
  }

  /** A lesson started at {@code now}, at its first step, when the machine had the image names {@code tags}. */
  public static LessonProgress startedAt(Instant now, List<String> tags) {
    return new LessonProgress(LessonStatus.IN_PROGRESS, 0, now.toString(), now.toString(), 0, 0, false, null, List.of(),
        tags, List.of(), List.of(), List.of());
  }

  /** One more line typed in this step. */
  public LessonProgress typed() {
    return new LessonProgress(status, step, started, stepStarted, commands + 1, hints, help, answer, done,
        tagsAtStart, before, after, pushed);
  }

  /** One more hint tier shown. */
  public LessonProgress hinted() {
    return new LessonProgress(status, step, started, stepStarted, commands, hints + 1, help, answer, done,
        tagsAtStart, before, after, pushed);
  }

  /** The solution was shown. */
  public LessonProgress helped() {
    return new LessonProgress(status, step, started, stepStarted, commands, hints, true, answer, done,
        tagsAtStart, before, after, pushed);
  }

  /** {@code text} answered. */
  public LessonProgress answered(String text) {
    return new LessonProgress(status, step, started, stepStarted, commands, hints, help, text, done,
        tagsAtStart, before, after, pushed);
  }

  /** The step done with {@code reference} solution lines; the next step (or the end) starts at {@code now}. */
  public LessonProgress passed(int reference, int steps, Instant now) {
    List<StepRecord> all = new ArrayList<>(done);
    all.add(new StepRecord(commands, reference, hints, help));
    boolean last = step + 1 >= steps;
    return new LessonProgress(last ? LessonStatus.DONE : LessonStatus.IN_PROGRESS, last ? step : step + 1, started,
        now.toString(), 0, 0, false, null, all, tagsAtStart, before, after, pushed);
  }

  /**
   * The lesson's things now, after a line that pushed {@code pushes}: when the line changed them or
   * pushed, what they were becomes what {@code undo} returns to (a line that only looked changes
   * nothing; after a push, undo puts nothing back and says the push stays).
   */
  public LessonProgress seen(List<String> things, boolean first, List<String> pushes) {
    if (first) {
      return new LessonProgress(status, step, started, stepStarted, commands, hints, help, answer, done, tagsAtStart,
          things, things, List.of());
    }
    if (things.equals(after)) {
      if (pushes.isEmpty()) {
        return this;
      }
      // a push is a change of its own, the last one: undo has nothing here to put back, says so, and does
      // not reach past it to the line before
      return new LessonProgress(status, step, started, stepStarted, commands, hints, help, answer, done, tagsAtStart,
          after, after, pushes);
    }
    return new LessonProgress(status, step, started, stepStarted, commands, hints, help, answer, done, tagsAtStart,
        after, things, pushes);
  }

  /** Undone: the things are as they were before the last change again, and no push is left to mention. */
  public LessonProgress undone() {
    return new LessonProgress(status, step, started, stepStarted, commands, hints, help, answer, done, tagsAtStart,
        before, before, List.of());
  }

  /** When the lesson started. */
  public Instant startInstant() {
    return Instant.parse(started);
  }

  /** When the current step started. */
  public Instant stepInstant() {
    return Instant.parse(stepStarted);
  }
}
