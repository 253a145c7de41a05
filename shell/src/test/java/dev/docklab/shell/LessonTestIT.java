package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docklab lesson test}: every bundled lesson played headless on a real engine, in a scratch data root. */
class LessonTestIT {
  record Said(int status, String out, String err) {}

  static Said docklab(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(argv, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Said(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> mountsUnder(String prefix) throws Exception {
    return Files.readAllLines(Path.of("/proc/mounts")).stream().filter(l -> l.contains(prefix)).toList();
  }

  @Test
  void everyBundledLessonCanBeSolvedAndNoGoalHoldsBeforeItsSolution() throws Exception {
    Path logins = Path.of(System.getProperty("user.home"), ".docklab", "config.json");
    String loginsBefore = Files.exists(logins) ? Files.readString(logins) : null;
    Said said = docklab("--lang", "en", "lesson", "test");
    assertEquals(0, said.status(), said.out() + said.err());
    assertEquals(loginsBefore, Files.exists(logins) ? Files.readString(logins) : null,
        "push-pull logs in: in the scratch, never into the teacher's logins");
    assertEquals(null, System.getProperty("docklab.config"));
    for (String id : List.of("light", "first-container", "background", "layers", "ports", "push-pull")) {
      assertTrue(said.out().contains("\nPASS  " + id + "  ("), said.out());
    }
    assertTrue(said.out().contains("\n15 passed, 0 failed, in "), said.out());
    assertEquals(List.of(), mountsUnder("docklab-lesson-test-"), said.err() + said.out());
  }

  @Test
  void aLessonWhoseGoalHoldsBeforeItsSolutionFails(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("too-easy.yaml"), """
        id: too-easy
        title: {en: Too easy, zh: 太容易}
        intro: {en: Nothing to do., zh: 无事可做。}
        start:
          images: {present: [busybox]}
        steps:
          - instruction: {en: Have busybox., zh: 要有 busybox。}
            goal: {en: busybox is there., zh: busybox 在。}
            checks:
              - image: {ref: busybox}
            hints:
              nudge: {en: It is there., zh: 它就在那里。}
            solution: [docker images busybox]
        """);
    Said said = docklab("--lang", "en", "lesson", "test", dir.toString());
    assertEquals(1, said.status(), said.out() + said.err());
    assertTrue(said.out().contains("FAIL  too-easy: step 1: the goal holds before its solution was typed\n"),
        said.out());
    assertTrue(said.out().contains("\n0 passed, 1 failed, in "), said.out());
    Said zh = docklab("--lang", "zh", "lesson", "test", dir.toString());
    assertTrue(zh.out().contains("失败  too-easy：第 1 步：还没输入参考答案，目标就已经达成了\n"), zh.out());
    assertTrue(zh.out().contains("\n0 课通过，1 课失败，用时 "), zh.out());
  }

  @Test
  void aStartStateWithATagWaitingOnTheHubAndAnAccount(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("from-teacher.yaml"), """
        id: from-teacher
        title: {en: From the teacher, zh: 老师给的}
        intro: {en: The teacher pushed an image., zh: 老师推送了一个镜像。}
        start:
          images: {absent: ["teacher/welcome:v1"]}
          hub:
            users: [{name: teacher, password: secret}]
            present: [{ref: "teacher/welcome:v1", from: web}]
        steps:
          - instruction: {en: Pull it., zh: 拉取它。}
            goal: {en: "It is here, pulled.", zh: 它已拉取到本机。}
            checks:
              - hub: {ref: "teacher/welcome:v1", image: "teacher/welcome:v1"}
              - image: {ref: "teacher/welcome:v1", sameAs: web}
            hints:
              nudge: {en: Pull., zh: 拉取。}
            solution: [docker pull teacher/welcome:v1]
        """);
    Said said = docklab("--lang", "en", "lesson", "test", dir.toString());
    assertEquals(0, said.status(), said.out() + said.err());
    assertTrue(said.out().contains("PASS  from-teacher  (1 step, "), said.out());
  }

  @Test
  void lintPrintsEachProblemWithItsLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: bad\ntitle: {en: Bad}\nintro: {en: x, zh: 十}\nsteps: []\n");
    Said said = docklab("lesson", "lint", bad.toString());
    assertEquals(1, said.status());
    assertEquals(bad + ":2: this text needs both en and zh; missing zh\n"
        + bad + ":5: a lesson needs at least one step\n", said.err());
  }
}
