package dev.docklab.lessons.load;

import dev.docklab.lessons.model.Lesson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lessons a learner can take, in order: the bundled course, then a teacher's folder
 * ({@code --lessons DIR} or {@code DOCKLAB_LESSONS}), whose lesson with a bundled lesson's id takes its
 * place. A file that cannot be read is left out, and its problems kept for the learner to see.
 */
public final class Course {
  /** Where the bundled course is on the class path; {@code course.list} names its files in order. */
  static final String BUNDLED = "/dev/docklab/lessons/course/";

  private final List<Lesson> lessons;
  private final List<Problem> problems;

  public Course(List<Lesson> lessons, List<Problem> problems) {
    this.lessons = List.copyOf(lessons);
    this.problems = List.copyOf(problems);
  }

  /** The bundled course. */
  public static Course bundled() {
    return load(null);
  }

  /** The bundled course, then the lessons in {@code teacherFolder} (none when null). */
  public static Course load(Path teacherFolder) {
    Map<String, Lesson> byId = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (String file : bundledFiles()) {
      try (InputStream in = Course.class.getResourceAsStream(BUNDLED + file)) {
        if (in == null) {
          problems.add(new Problem(file, 0, "listed in course.list but not bundled"));
          continue;
        }
        Lesson l = LessonReader.read(file, in);
        byId.put(l.id(), l);
      } catch (LessonFileException e) {
        problems.addAll(e.problems());
      } catch (IOException e) {
        problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
      }
    }
    if (teacherFolder != null) {
      try {
        for (Path f : LessonReader.files(teacherFolder)) {
          try {
            Lesson l = LessonReader.read(f);
            byId.put(l.id(), l);
          } catch (LessonFileException e) {
            problems.addAll(e.problems());
          }
        }
      } catch (IOException e) {
        problems.add(new Problem(teacherFolder.toString(), 0, "cannot read the lessons folder: " + e.getMessage()));
      }
    }
    return new Course(new ArrayList<>(byId.values()), problems);
  }

  /**
   * The course this docklab uses: the bundled one, then the folder the {@code docklab.lessons} property
   * ({@code --lessons DIR}) or {@code DOCKLAB_LESSONS} names.
   */
  public static Course fromEnvironment() {
    String dir = System.getProperty("docklab.lessons", System.getenv("DOCKLAB_LESSONS"));
    return load(dir == null || dir.isBlank() ? null : Path.of(dir));
  }

  /** The bundled lesson files, in course order. */
  static List<String> bundledFiles() {
    List<String> files = new ArrayList<>();
    try (InputStream in = Course.class.getResourceAsStream(BUNDLED + "course.list")) {
      if (in == null) {
        return files;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          files.add(name);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled course.list", e);
    }
    return files;
  }

  /** The lessons, in order. */
  public List<Lesson> lessons() {
    return lessons;
  }

  /** What was wrong with the files left out. */
  public List<Problem> problems() {
    return problems;
  }

  /** The lesson {@code word} names: its number in the course (from 1) or its id; null when none. */
  public Lesson find(String word) {
    if (word.matches("\\d{1,4}")) {
      int n = Integer.parseInt(word);
      return n >= 1 && n <= lessons.size() ? lessons.get(n - 1) : null;
    }
    return lessons.stream().filter(l -> l.id().equals(word)).findFirst().orElse(null);
  }

  /** The lesson's number in the course, from 1 (0 when it is not in it). */
  public int number(String id) {
    for (int i = 0; i < lessons.size(); i++) {
      if (lessons.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** A course of the lessons at {@code path} (a file, or a folder of them), for {@code lesson test}. */
  public static Course at(Path path) throws IOException {
    List<Lesson> lessons = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path f : LessonReader.files(path)) {
      try {
        lessons.add(LessonReader.read(f));
      } catch (LessonFileException e) {
        problems.addAll(e.problems());
      }
    }
    return new Course(lessons, problems);
  }
}
