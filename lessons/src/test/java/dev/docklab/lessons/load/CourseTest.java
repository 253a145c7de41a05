package dev.docklab.lessons.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Text;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseTest {
  /** The bundled course, in the order course.list gives. */
  private static final List<String> COURSE = List.of("light", "client-server", "registry",
      "first-container", "background", "layers", "many-containers", "cow", "whiteouts", "bootfs", "ports",
      "volumes", "commit-tag", "build", "push-pull");

  private static List<String> concat(List<String> head, String last) {
    return Stream.concat(head.stream(), Stream.of(last)).toList();
  }

  @Test
  void theBundledCourseLoadsWithoutAProblem() {
    Course c = Course.bundled();
    assertEquals(List.of(), c.problems());
    assertEquals(COURSE,
        c.lessons().stream().map(Lesson::id).toList());
  }

  @Test
  void everyTextOfEveryBundledLessonHasEnglishAndChinese() throws Exception {
    List<String> missing = new ArrayList<>();
    int texts = 0;
    for (Lesson l : Course.bundled().lessons()) {
      List<Text> all = new ArrayList<>();
      collect(l, all);
      texts += all.size();
      for (Text t : all) {
        if (t.en() == null || t.en().isBlank() || t.zh() == null || t.zh().isBlank()) {
          missing.add(l.id() + ": " + t);
        } else if (!t.zh().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
            && !t.zh().equals(t.en())) {
          missing.add(l.id() + ": zh without Chinese: " + t.zh());
        }
      }
    }
    assertEquals(List.of(), missing);
    assertTrue(texts > 60, "walked " + texts + " texts");
  }

  /** Every Text reachable from {@code o} through record components and lists. */
  private static void collect(Object o, List<Text> into) throws Exception {
    if (o instanceof Text t) {
      into.add(t);
    } else if (o instanceof List<?> list) {
      for (Object e : list) {
        collect(e, into);
      }
    } else if (o != null && o.getClass().isRecord() && o.getClass().getPackageName().startsWith("dev.docklab.lessons")) {
      for (RecordComponent rc : o.getClass().getRecordComponents()) {
        collect(rc.getAccessor().invoke(o), into);
      }
    }
  }

  @Test
  void courseListNamesEveryBundledFile() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("course"))) {
      List<String> yaml = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
      assertEquals(yaml, Course.bundledFiles().stream().sorted().toList());
    }
  }

  @Test
  void findsALessonByNumberOrId() {
    Course c = Course.bundled();
    assertEquals("client-server", c.find("2").id());
    assertEquals("ports", c.find("ports").id());
    assertNull(c.find("0"));
    assertNull(c.find("99"));
    assertNull(c.find("nope"));
    assertEquals(COURSE.indexOf("ports") + 1, c.number("ports"));
  }

  @Test
  void aTeachersFolderAddsLessonsAndReplacesOnesWithTheSameId(@TempDir Path dir) throws Exception {
    String lesson = LessonReaderTest.GOOD_FOR_TESTS;
    Files.writeString(dir.resolve("a-demo.yaml"), lesson);
    Files.writeString(dir.resolve("b-light.yaml"), lesson.replace("id: demo", "id: light"));
    Files.writeString(dir.resolve("c-broken.yaml"), "id: broken\n");
    Files.writeString(dir.resolve("notes.txt"), "not a lesson");
    Course c = Course.load(dir);
    assertEquals(concat(COURSE, "demo"),
        c.lessons().stream().map(Lesson::id).toList());
    assertEquals("Demo", c.find("light").title().en());
    assertEquals(1, c.problems().size());
    assertTrue(c.problems().get(0).file().endsWith("c-broken.yaml"));
    assertNotNull(Course.at(dir.resolve("a-demo.yaml")).lessons().get(0));
  }
}
