package dev.docklab.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Image;
import dev.docklab.lessons.check.EngineView;
import dev.docklab.lessons.check.Http;
import dev.docklab.lessons.check.Verdict;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.model.Lesson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonRunTest {
  private static final Http NO_HTTP = (port, path) -> {
    throw new IOException("none");
  };
  private static final EngineView EMPTY = new EngineView() {
    @Override
    public List<Container> containers() {
      return List.of();
    }

    @Override
    public Image image(String ref) {
      return null;
    }

    @Override
    public List<Change> diff(String containerId) {
      return List.of();
    }

    @Override
    public List<String> log(String containerId) {
      return List.of();
    }

    @Override
    public Map<String, String> cow(String containerId) {
      return Map.of();
    }

    @Override
    public String topLayer(String ref, String path) {
      return null;
    }

    @Override
    public String hubDigest(String repository, String tag) {
      return null;
    }

    @Override
    public String user(String server) {
      return null;
    }
  };

  private final Lesson background = Course.bundled().find("background");
  private final Instant t0 = Instant.parse("2025-03-01T08:00:00Z");

  @Test
  void hintsComeOneTierAtATime() {
    LessonRun run = LessonRun.start(background, t0);
    assertEquals(background.steps().get(0).hints().nudge(), run.nextHint());
    assertEquals(background.steps().get(0).hints().family(), run.nextHint());
    assertEquals(background.steps().get(0).hints().command(), run.nextHint());
    assertNull(run.nextHint());
    assertEquals(3, run.hintsShown());
  }

  @Test
  void anAnswerPassesTheStepAndTheNextStepStartsAfresh() {
    LessonRun run = LessonRun.start(background, t0);
    run.typed();
    run.typed();
    assertFalse(run.goal(EMPTY, NO_HTTP).holds());
    run.answer("nope");
    assertFalse(run.goal(EMPTY, NO_HTTP).holds());
    run.answer("Tick");
    GoalReport report = run.goal(EMPTY, NO_HTTP);
    assertTrue(report.holds());
    StepResult r = run.pass(report, t0.plusSeconds(30));
    assertEquals(new StepResult(1, 2, 2, false, null, false), r);
    assertEquals(1, run.stepIndex());
    assertEquals(t0.plusSeconds(30), run.progress().stepInstant());
    assertEquals(t0, run.progress().startInstant(), "the lesson's containers are still those since its start");
    assertNull(run.progress().answer());
    assertEquals(0, run.progress().commands());
    assertFalse(run.goal(EMPTY, NO_HTTP).holds(), "the clock is not running");
  }

  @Test
  void theSolutionCountsAsHelpAndTheLastStepEndsTheLesson() {
    LessonRun run = LessonRun.start(background, t0);
    for (int i = 0; i < background.steps().size(); i++) {
      assertFalse(run.finished());
      run.solution();
      StepResult r = run.pass(new GoalReport(List.of()), t0.plusSeconds(i + 1));
      assertTrue(r.help());
      assertEquals(i == background.steps().size() - 1, r.lessonDone());
    }
    assertTrue(run.finished());
    assertEquals(LessonStatus.DONE, run.progress().status());
    assertEquals(background.steps().size(), run.progress().done().size());
    assertTrue(run.progress().done().stream().allMatch(StepRecord::help));
  }

  @Test
  void theExplainSuggestionNamesTheContainerTheChecksFound() {
    Lesson first = Course.bundled().find("first-container");
    LessonRun run = LessonRun.start(first, t0);
    GoalReport found = new GoalReport(List.of(new GoalReport.Line(first.steps().get(0).checks().get(0),
        Verdict.by("mybox"))));
    assertEquals("explain boot mybox", run.pass(found, t0).explain());
    assertNull(LessonRun.start(first, t0).pass(new GoalReport(List.of()), t0).explain(),
        "no container found: no suggestion with a hole in it");
  }

  @Test
  void resumesWhereTheProgressLeftIt() {
    LessonRun run = LessonRun.start(background, t0);
    run.answer("tick");
    run.pass(run.goal(EMPTY, NO_HTTP), t0.plusSeconds(5));
    run.typed();
    LessonRun again = LessonRun.resume(background, run.progress());
    assertEquals(1, again.stepIndex());
    assertEquals(1, again.progress().commands());
    assertEquals(background.steps().get(1), again.step());
  }

  @Test
  void undoReturnsToTheThingsBeforeTheLastLineThatChangedThemButNotPastAPush() {
    LessonRun run = LessonRun.start(background, t0);
    run.seen(List.of("c A web running"), true);
    assertTrue(run.seen(List.of("c A web not"), false, List.of()), "docker stop web changed them");
    assertFalse(run.seen(List.of("c A web not"), false, List.of()), "docker ps changed nothing");
    assertEquals(List.of("c A web running"), run.progress().before(), "undo returns to before the stop");
    run.seen(List.of("c A web not"), false, List.of("me/app:v1"));
    assertEquals(List.of("c A web not"), run.progress().before(), "after a push undo does not reach past it");
    assertEquals(List.of("me/app:v1"), run.progress().pushed(), "and says the push stays");
    run.undone();
    assertEquals(List.of("c A web not"), run.progress().after());
    assertTrue(run.progress().pushed().isEmpty());
    assertTrue(run.seen(List.of(), false, List.of("me/app:v2")), "docker rm -f web && docker push ...");
    assertEquals(List.of("c A web not"), run.progress().before(), "undo brings the container back");
    assertEquals(List.of("me/app:v2"), run.progress().pushed(), "and says the push stays");
  }
}
