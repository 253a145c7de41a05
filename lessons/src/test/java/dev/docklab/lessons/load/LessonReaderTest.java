package dev.docklab.lessons.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.check.AnswerCheck;
import dev.docklab.lessons.check.ContainerCheck;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Mistake;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonReaderTest {
  static final String GOOD_FOR_TESTS = """
      id: demo
      title: {en: Demo, zh: 演示}
      intro: {en: A demo., zh: 一个演示。}
      start:
        images: {present: [busybox], absent: ["demo:v1"]}
        containers:
          - {name: old, image: busybox, command: [sleep, "60"], start: true}
      steps:
        - instruction: {en: Run it., zh: 运行它。}
          goal: {en: It ran., zh: 它运行了。}
          checks:
            - container: {image: busybox, state: exited, exitCode: 0}
            - answer: [yes, 是]
              say: {en: your answer, zh: 你的回答}
            - answer: {layersOf: busybox}
          hints:
            nudge: {en: Look., zh: 看。}
            family: {en: docker run, zh: docker run}
            command: {en: docker run busybox true, zh: docker run busybox true}
          solution: docker run busybox true
          explain: explain last
      """;

  static Lesson read(String yaml) throws LessonFileException {
    return LessonReader.read("demo.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Problem> problems(String yaml) {
    return assertThrows(LessonFileException.class, () -> read(yaml)).problems();
  }

  @Test
  void readsEveryPartOfALesson() throws Exception {
    Lesson l = read(GOOD_FOR_TESTS);
    assertEquals("demo", l.id());
    assertEquals("演示", l.title().zh());
    assertEquals(List.of("busybox"), l.start().images().present());
    assertEquals(List.of("sleep", "60"), l.start().containers().get(0).command());
    assertTrue(l.start().containers().get(0).start());
    var step = l.steps().get(0);
    assertEquals(3, step.checks().size());
    assertTrue(step.checks().get(0).check() instanceof ContainerCheck);
    assertEquals(List.of("yes", "是"), ((AnswerCheck) step.checks().get(1).check()).accept());
    assertEquals("busybox", ((AnswerCheck) step.checks().get(2).check()).layersOf());
    assertEquals("你的回答", step.checks().get(1).say().zh());
    assertEquals(List.of("docker run busybox true"), step.solution(), "a single line is a list of one");
    assertEquals(step.solution(), step.play());
    assertEquals(3, step.hints().tiers().size());
  }

  @Test
  void everyTextMissingALanguageIsReportedWithItsLine() {
    List<Problem> p = problems(GOOD_FOR_TESTS.replace("title: {en: Demo, zh: 演示}", "title: {en: Demo}")
        .replace("goal: {en: It ran., zh: 它运行了。}", "goal: It ran."));
    assertEquals(2, p.size(), p.toString());
    assertEquals(new Problem("demo.yaml", 2, "this text needs both en and zh; missing zh"), p.get(0));
    assertEquals(10, p.get(1).line());
    assertTrue(p.get(1).message().startsWith("a text is a map of both languages"), p.get(1).message());
    assertEquals("demo.yaml:2: this text needs both en and zh; missing zh", p.get(0).toString());
  }

  @Test
  void anUnknownFieldNamesItsPlaceAndTheKnownOnes() {
    List<Problem> p = problems(GOOD_FOR_TESTS.replace("state: exited", "status: exited"));
    assertEquals(1, p.size());
    assertEquals(12, p.get(0).line());
    assertTrue(p.get(0).message().startsWith("steps[1].checks[1].container: unknown field \"status\"; known fields: "),
        p.get(0).message());
    assertTrue(p.get(0).message().contains("state"));
  }

  @Test
  void aCheckIsExactlyOneKind() {
    List<Problem> p = problems(GOOD_FOR_TESTS.replace("- container: {image: busybox, state: exited, exitCode: 0}",
        "- {container: {image: busybox}, image: {ref: busybox}}"));
    assertTrue(p.get(0).message().contains("a check is exactly one of container, image, file, http, hub, login, answer, java (found 2)"),
        p.get(0).message());
    assertEquals(12, p.get(0).line());
  }

  @Test
  void aWrongValueSaysWhatIsExpected() {
    List<Problem> p = problems(GOOD_FOR_TESTS.replace("state: exited", "state: sleeping"));
    assertTrue(p.get(0).message().contains("invalid container status \"sleeping\""), p.get(0).message());
    assertEquals(12, p.get(0).line());
  }

  @Test
  void aStepWithoutChecksOrSolutionIsRefused() {
    String noSolution = GOOD_FOR_TESTS.replace("    solution: docker run busybox true\n", "");
    assertTrue(problems(noSolution).get(0).message().endsWith("a step needs a solution"));
  }

  @Test
  void yamlSyntaxErrorsHaveTheirLine() {
    List<Problem> p = problems(GOOD_FOR_TESTS.replace("intro: {en: A demo., zh: 一个演示。}", "intro: {en: A demo., zh: 一个演示。"));
    assertEquals(1, p.size());
    assertTrue(p.get(0).line() >= 3, p.toString());
  }

  @Test
  void aFoldedChineseLineLeavesNoSpaceBetweenChineseCharacters() throws Exception {
    Lesson l = read(GOOD_FOR_TESTS.replace("intro: {en: A demo., zh: 一个演示。}", """
        intro:
          en: >-
            A demo
            in two lines.
          zh: >-
            用 busybox 做一个
            演示（很短）。
            busybox 是第二句。
        """));
    assertEquals("A demo in two lines.", l.intro().en());
    assertEquals("用 busybox 做一个演示（很短）。busybox 是第二句。", l.intro().zh());
  }

  @Test
  void theAnnotatedExampleOfTheReadmeIsALesson() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int from = readme.indexOf("```yaml\n") + "```yaml\n".length();
    Lesson l = read(readme.substring(from, readme.indexOf("```", from)));
    assertEquals("ports", l.id());
    assertEquals("容器有自己的网络命名空间：它的 80 端口不是本机的 80 端口。", l.intro().zh());
    assertEquals(List.of("docker run -d -p 8080:80 --name web web"), l.steps().get(0).play());
  }

  @Test
  void aLessonsOwnMistakeHintsAreReadAndAnUnknownMistakeIsNamed() throws Exception {
    String own = GOOD_FOR_TESTS.replace("steps:\n", """
        mistakes:
          - when: port-not-exposed
            text: {en: "web listens on 80, not {what}.", zh: "web 监听的是 80，不是 {what}。"}
        steps:
        """);
    Lesson l = read(own);
    assertEquals("web listens on 80, not 8080.", l.mistakeText(Mistake.PORT_NOT_EXPOSED).with("what", "8080").en());
    assertNull(l.mistakeText(Mistake.NO_BASH));
    assertTrue(problems(own.replace("port-not-exposed", "typo")).get(0).message()
        .contains("unknown mistake \"typo\"; known: port-not-exposed, attach-not-shell"));
  }

  @Test
  void anIdMustMakeALabel() {
    assertTrue(problems(GOOD_FOR_TESTS.replace("id: demo", "id: My Demo")).get(0).message()
        .contains("must be lower-case letters, digits and dashes"));
  }

  @Test
  void anEmptyFileIsNotALesson() {
    assertEquals("the file is empty: a lesson needs id, title, intro and steps", problems("").get(0).message());
  }
}
