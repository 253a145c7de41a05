package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.LessonHarness.Said;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lessons played as a learner plays them, on the real engine: each line a docklab of its own
 * ({@code docklab -c}), so every line also proves that a restart resumes the lesson; and a file of
 * lines, in Chinese.
 */
class LessonReplIT {
  static LessonHarness h;

  @BeforeAll
  static void setUp() throws Exception {
    h = LessonHarness.open("repl");
  }

  @AfterAll
  static void tearDown() throws Exception {
    h.close();
  }

  static Said docklab(String... argv) {
    return h.docklab(argv);
  }

  static Said en(String line) {
    return h.en(line);
  }

  @Test
  void portsPlayedAnotherWayThanTheSolutionAndALookalikeThatDoesNotPass() {
    Said start = en("lesson ports");
    assertEquals(0, start.status(), start.err());
    assertTrue(start.out().startsWith("Lesson 11/15: Publishing ports\n"), start.out());
    Said goal = en("goal");
    assertEquals(1, goal.status());
    assertTrue(goal.out().contains("  [ ] not yet: a container of image web, in state running, publishing port 80\n"
        + "  [ ] not yet: the page at the host port published for container port 80,\n"
        + "      showing \"busybox httpd\"\n"), goal.out());

    Said lookalike = en("echo docker run -d -p 8080:80 --name web web");
    assertFalse(lookalike.out().contains("done"), "the right words typed are not the goal: " + lookalike.out());
    Said created = en("docker create --publish 8081:80 --name mysite web");
    assertFalse(created.out().contains("done"), "created, not running: " + created.out());
    Said started = en("docker start mysite");
    assertTrue(started.out().startsWith("mysite\n>> Step 1/3 done: the goal holds.\n"
        + "You used 3 commands; the reference uses 2.\n"
        + "See what happened: explain network mysite\n\nStep 2/3:\n"), started.out());
    assertEquals(1, en("goal").status(), "step 2 is not done by step 1's container");

    Said all = en("docker run -d -P --name site2 web");
    assertTrue(all.out().contains(">> Step 2/3 done: the goal holds.\nYou used 1 command; the reference uses 2.\n"),
        all.out());
    Said solution = en("solution");
    assertEquals("The reference commands for step 3 (it now counts as solved with help):\n"
        + "  docker rm -f web web2\n", solution.out());
    Said rm = en("docker rm -f mysite site2");
    assertTrue(rm.out().startsWith("mysite\nsite2\n>> Step 3/3 done: the goal holds.\n"
        + "You used 1 command; the reference uses 1 (solved with help).\n"
        + "Lesson 11 is done: Publishing ports. Type lesson next"), rm.out());
    String course = en("lessons").out();
    assertTrue(course.matches("(?s).*\\n▶ 11 +ports +done .*"), course);
    assertEquals(1, en("goal").status(), "no step left to check");
    en("lesson off");
  }

  @Test
  void lightPlayedFromAFileOfLinesInChinese(@TempDir Path dir) throws Exception {
    Path lines = dir.resolve("light.txt");
    Files.writeString(lines, String.join("\n", "lesson 1", "docker run busybox echo hello", "docker run busybox ps",
        "answer 2", "hint", "answer 1", "docker run busybox uname -r", "goal", "answer 是", "lesson off", ""));
    Said said = docklab("--lang", "zh", lines.toString());
    assertEquals(0, said.status(), said.err());
    String out = said.out();
    assertTrue(out.startsWith("第 1/15 课：为什么容器这么轻\n"), out);
    assertTrue(out.contains("hello\n>> 第 1/3 步完成：目标已达成。\n你用了 1 条命令；参考答案用了 1 条。\n"
        + "看看刚才发生了什么：explain last\n"), out);
    assertTrue(out.contains("这不是这一步要的答案。再看看，或者输入 hint。\n"
        + "提示 1/3：新 PID 命名空间里的第一个进程拿到 PID 1，"), out);
    assertTrue(out.contains(">> 第 2/3 步完成：目标已达成。\n你用了 3 条命令；参考答案用了 2 条。\n"), out);
    assertTrue(out.contains("  [x] 一个容器：镜像为 busybox，退出码为 0，命令中含有“uname”\n"
        + "  [ ] 尚未完成：你的回答（answer yes 或 answer no）\n"), out);
    assertTrue(out.contains(">> 第 3/3 步完成：目标已达成。\n你用了 2 条命令；参考答案用了 3 条。\n"
        + "看看刚才发生了什么：explain vm\n第 1 课已完成：为什么容器这么轻。"), out);
    String progress = Files.readString(h.config.resolve("progress.json"));
    assertTrue(progress.contains("\"light\" : {\n      \"status\" : \"done\""), progress);
  }

  @Test
  void aTeachersFolderJoinsTheCourse(@TempDir Path dir) throws Exception {
    try (InputStream in = LessonReplIT.class.getResourceAsStream("/dev/docklab/lessons/course/light.yaml")) {
      Files.writeString(dir.resolve("mine.yaml"), new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("id: light", "id: my-light").replace("en: Why a container is light", "en: My own light lesson"));
    }
    Said said = docklab("--lang", "en", "--lessons", dir.toString(), "-c", "lessons");
    assertTrue(said.out().matches("(?s).*\n  16 +my-light +not started +My own light lesson\n.*"), said.out());
  }
}
