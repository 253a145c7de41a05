package dev.docklab.lessons.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a lesson file (YAML) into a {@link Lesson}, or says what is wrong with it, line by line. */
public final class LessonReader {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .addModule(new SimpleModule("lesson-texts").addDeserializer(Text.class, new TextReader()))
      .build();

  private LessonReader() {}

  /** Reads the lesson in {@code file}. */
  public static Lesson read(Path file) throws LessonFileException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (IOException e) {
      throw new LessonFileException(List.of(new Problem(file.toString(), 0, "cannot read: " + e.getMessage())));
    }
  }

  /** Reads a lesson from {@code in}; {@code name} names it in problems. */
  public static Lesson read(String name, InputStream in) throws LessonFileException {
    List<Problem> problems = new ArrayList<>();
    ObjectReader reader = YAML.readerFor(Lesson.class).withAttribute(TextReader.PROBLEMS, problems);
    Lesson lesson = null;
    try {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
        problems.add(new Problem(null, 1, "the file is empty: a lesson needs id, title, intro and steps"));
      } else {
        lesson = reader.readValue(text);
      }
    } catch (JsonProcessingException e) {
      problems.add(new Problem(null, line(e.getLocation()), message(e)));
    } catch (IOException e) {
      problems.add(new Problem(null, 0, "cannot read: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new LessonFileException(problems.stream().map(p -> new Problem(name, p.line(), p.message())).toList());
    }
    return lesson;
  }

  /**
   * The lesson files at {@code path}: the file itself, or every {@code *.yaml} and {@code *.yml} of the
   * folder, by name.
   */
  public static List<Path> files(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  /** Jackson's complaint in a teacher's words: where in the lesson, and what is expected. */
  private static String message(JsonProcessingException e) {
    List<JsonMappingException.Reference> refs = e instanceof JsonMappingException m ? m.getPath() : List.of();
    if (e instanceof UnrecognizedPropertyException && !refs.isEmpty()) {
      refs = refs.subList(0, refs.size() - 1); // the path up to the unknown field, which the message names
    }
    String where = path(refs);
    String what;
    if (e instanceof UnrecognizedPropertyException u) {
      what = "unknown field \"" + u.getPropertyName() + "\"" + (u.getKnownPropertyIds() == null ? ""
          : "; known fields: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", ")));
    } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      what = v.getCause().getMessage();
    } else {
      what = e.getOriginalMessage().lines().findFirst().orElse("");
    }
    return where.isEmpty() ? what : where + ": " + what;
  }

  /** {@code steps[1].checks[0].container}, from Jackson's path. */
  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex() + 1).append(']');
      }
    }
    return b.toString();
  }
}
