package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.load.LessonReader;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Step;
import dev.docklab.shell.LessonHarness.Said;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson record} on the real engine, as a teacher uses it: two lines recorded, the draft
 * written, linted, and played by {@code docklab lesson test} on a scratch data root, green.
 */
class LessonRecordIT {
  private static final List<String> LINES = List.of("docker run -d --name web -p 8080:80 web",
      "docker tag busybox mybox:v1");

  @Test
  void aRecordedRunAndTagBecomeALessonThatLintsAndPlays(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("web-tag.yaml");
    try (LessonHarness h = LessonHarness.open("record")) {
      Said start = h.en("lesson record");
      assertEquals(0, start.status(), start.out() + start.err());
      assertTrue(start.out().startsWith("Recording. The lines you type from now on are kept"), start.out());
      for (String line : LINES) {
        Said said = h.en(line);
        assertEquals(0, said.status(), line + ": " + said.out() + said.err());
      }
      assertEquals(0, h.en("docker ps").status(), "a line that only looks is kept too");
      assertEquals(1, h.en("goal").status(), "no lesson runs; a lesson word is not kept either way");

      Said stop = h.en("lesson record stop " + file);
      assertEquals(0, stop.status(), stop.out() + stop.err());
      assertTrue(stop.out().startsWith("Wrote " + file + ": lesson web-tag, 3 lines as its solution, 2 checks"
          + " suggested."), stop.out());
      Said again = h.en("lesson record stop " + file);
      assertEquals(1, again.status(), "the recording is over");

      Lesson lesson = LessonReader.read(file);
      assertEquals("web-tag", lesson.id());
      assertEquals(List.of("mybox:v1"), lesson.start().images().absent());
      assertTrue(lesson.start().images().present().containsAll(List.of("web", "busybox")),
          lesson.start().images().present().toString());
      Step step = lesson.steps().get(0);
      assertEquals(List.of(LINES.get(0), LINES.get(1), "docker ps"), step.solution());
      CheckItem container = step.checks().get(0);
      assertEquals("web", container.container().image());
      assertEquals("running", container.container().state());
      assertEquals("80", container.container().publishes());
      assertEquals(null, container.container().name(), "any name passes");
      assertEquals("mybox:v1", step.checks().get(1).image().ref());
      assertEquals("busybox", step.checks().get(1).image().sameAs());
      assertTrue(step.checks().stream().allMatch(c -> c.say() == null));

      Said lintHere = h.en("lesson lint " + file);
      assertEquals(0, lintHere.status(), lintHere.out() + lintHere.err());
      Said lint = h.docklab("--lang", "en", "lesson", "lint", file.toString());
      assertEquals(0, lint.status(), lint.out() + lint.err());
      assertEquals(file + ": lesson web-tag, 1 step, no problem found\n", lint.out());

      Said exists = h.en("lesson record");
      assertEquals(0, exists.status());
      assertEquals(0, h.en("docker tag web mybox:v2").status());
      Said refused = h.en("lesson record stop " + file);
      assertEquals(1, refused.status());
      assertEquals("docklab: " + file + " already exists: lesson record stop " + file + " --force writes over it\n",
          refused.err());
      assertEquals(lesson, LessonReader.read(file), "the file is as it was");
      assertEquals(0, h.en("lesson record off").status());

      // the recorded container holds host port 8080, which the played lesson needs for its own
      assertEquals(0, h.en("docker rm -f web").status());
      assertEquals(0, h.en("docker rmi mybox:v1 mybox:v2").status());

      Said test = h.docklab("--lang", "en", "lesson", "test", file.toString());
      assertEquals(0, test.status(), test.out() + test.err());
      assertTrue(test.out().contains("PASS  web-tag  (1 step, "), test.out());
      assertTrue(test.out().contains("\n1 passed, 0 failed, in "), test.out());
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(List.of(file), left.toList(), "no temporary file beside it");
      }
    }
  }
}
