package dev.docklab.shell.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.check.AnswerCheck;
import dev.docklab.lessons.check.Check;
import dev.docklab.lessons.check.ContainerCheck;
import dev.docklab.lessons.check.FileCheck;
import dev.docklab.lessons.check.HttpCheck;
import dev.docklab.lessons.check.HubCheck;
import dev.docklab.lessons.check.ImageCheck;
import dev.docklab.lessons.check.LoginCheck;
import dev.docklab.lessons.check.Scope;
import dev.docklab.lessons.check.Verdict;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Step;
import dev.docklab.lessons.run.GoalReport;
import dev.docklab.lessons.run.LessonProgress;
import dev.docklab.lessons.run.NotUndone;
import dev.docklab.lessons.run.Progress;
import dev.docklab.lessons.run.StepResult;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LessonViewsTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);
  private final Course course = Course.bundled();
  private final Lesson light = course.find("light");

  @Test
  void theCourseWithEachLessonsProgressAndTheActiveOneMarked() {
    Progress p = Progress.EMPTY.with("light", LessonProgress.startedAt(Instant.EPOCH).passed(1, 3, Instant.EPOCH)
        .passed(1, 3, Instant.EPOCH).passed(1, 3, Instant.EPOCH))
        .with("first-container", LessonProgress.startedAt(Instant.EPOCH).passed(1, 3, Instant.EPOCH));
    assertEquals(List.of(
        "The course (lesson N starts one, lesson off returns to the free sandbox):",
        "  #       ID                PROGRESS                 TITLE",
        "  1       light             done                     Why a container is light",
        "  2       client-server     not started              Client and server",
        "  3       registry          not started              Registry, repository and tag",
        "▶ 4       first-container   in progress (step 2/3)   The first container you talk to (-it, Ctrl+P Ctrl+Q, attach)",
        "  5       background        not started              In the background: -d, logs, stop, rm",
        "  6       layers            not started              An image is a roll of layers"),
        LessonViews.course(course.lessons(), p, "first-container", EN, 120).subList(0, 8));
    List<String> en = LessonViews.course(course.lessons(), p, "first-container", EN, 120);
    assertEquals(course.lessons().size() + 2, en.size());
    assertTrue(en.get(en.size() - 1).endsWith("push-pull         not started              Login, push and pull"));
    List<String> zh = LessonViews.course(course.lessons(), p, null, ZH, 120);
    assertEquals("  #       ID                进度                  标题", zh.get(1));
    assertEquals("  4       first-container   进行中（第 2/3 步）   第一个能对话的容器（-it、Ctrl+P Ctrl+Q、attach）", zh.get(5));
  }

  @Test
  void onANarrowerTerminalTheTitlesWrapAtWordsUnderTheirColumnOrUnderTheirRow() {
    Progress p = Progress.EMPTY.with("first-container", LessonProgress.startedAt(Instant.EPOCH).passed(1, 3,
        Instant.EPOCH));
    List<String> en = LessonViews.course(course.lessons(), p, "first-container", EN, 80);
    int row = indexOf(en, "first-container");
    assertEquals("▶ 4   first-container  in progress (step 2/3)  The first container you talk to", en.get(row));
    assertEquals(" ".repeat(47) + "(-it, Ctrl+P Ctrl+Q, attach)", en.get(row + 1));
    assertEquals("  #   ID               PROGRESS                TITLE", en.get(1));
    List<String> zh = LessonViews.course(course.lessons(), p, "first-container", ZH, 80);
    row = indexOf(zh, "first-container");
    assertEquals("▶ 4   first-container  进行中（第 2/3 步）  第一个能对话的容器（-it、Ctrl+P", zh.get(row));
    assertEquals(" ".repeat(44) + "Ctrl+Q、attach）", zh.get(row + 1));
    List<String> narrow = LessonViews.course(course.lessons(), p, "first-container", ZH, 60);
    row = indexOf(narrow, "first-container");
    assertEquals("▶ 4   first-container  进行中（第 2/3 步）", narrow.get(row));
    assertEquals("    第一个能对话的容器（-it、Ctrl+P Ctrl+Q、attach）", narrow.get(row + 1));
    for (int width : new int[] {60, 80}) {
      for (Messages m : List.of(EN, ZH)) {
        List<String> lines = LessonViews.course(course.lessons(), p, "first-container", m, width);
        for (String l : lines) {
          assertTrue(Text.width(l) <= width, width + ": " + l);
        }
        String joined = String.join(" ", lines).replaceAll(" +", " ");
        for (Lesson l : course.lessons()) {
          assertTrue(joined.contains(l.title().en()) || m == ZH, "no word cut at " + width + ": " + l.title().en());
        }
      }
    }
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " in " + lines);
  }

  @Test
  void theGoalWithEachCheckPassedOrNotYet() {
    var step = light.steps().get(1);
    GoalReport report = new GoalReport(List.of(new GoalReport.Line(step.checks().get(0), Verdict.by("c1")),
        new GoalReport.Line(step.checks().get(1), Verdict.NO)));
    assertEquals(List.of(
        "Goal of step 2/3:",
        "  You ran ps in a busybox container and answered which PID it had inside.",
        "  [x] a container of image busybox, that exited with code 0, whose command has",
        "      \"ps\"",
        "  [ ] not yet: your answer, with answer N",
        "Not yet: the goal holds when every check does, however you get there."),
        LessonViews.goal(light, 1, report, EN, 80));
    assertEquals(List.of(
        "第 2/3 步的目标：",
        "  你在 busybox 容器里运行了 ps，并回答了它在容器里的 PID。",
        "  [x] 一个容器：镜像为 busybox，退出码为 0，命令中含有“ps”",
        "  [ ] 尚未完成：你的回答（answer N）",
        "尚未达成：每一项检查都通过时目标才算达成，用什么方法都可以。"),
        LessonViews.goal(light, 1, report, ZH, 80));
  }

  @Test
  void aPassedStepSaysHowManyCommandsThenShowsTheNext() {
    List<String> lines = LessonViews.passed(light, new StepResult(1, 1, 1, false, "explain last", false), 1, EN, 80);
    assertEquals(List.of(
        ">> Step 1/3 done: the goal holds.",
        "You used 1 command; the reference uses 1.",
        "See what happened: explain last",
        "",
        "Step 2/3:"), lines.subList(0, 5));
    assertEquals("  (goal: what is checked; hint: a hint; solution: the reference commands)",
        lines.get(lines.size() - 1));
    assertEquals(List.of(
        ">> 第 3/3 步完成：目标已达成。",
        "你用了 4 条命令；参考答案用了 3 条（借助帮助完成）。",
        "第 1 课已完成：为什么容器这么轻。输入 lesson next 进入下一课，或输入 lessons 查",
        "看课程列表。"),
        LessonViews.passed(light, new StepResult(3, 4, 3, true, null, true), 1, ZH, 80));
    assertEquals("You used 0 commands; the reference uses 2.",
        LessonViews.passed(light, new StepResult(1, 0, 2, false, null, true), 1, EN, 80).get(1));
  }

  @Test
  void longTextWrapsAtWordsAndChineseBetweenCharactersWithinTheWidth() {
    List<String> en = LessonViews.start(light, 1, 5, EN, 80);
    List<String> zh = LessonViews.start(light, 1, 5, ZH, 80);
    for (String l : en) {
      assertTrue(Text.width(l) <= 80, l);
    }
    for (String l : zh) {
      assertTrue(Text.width(l) <= 80, l);
      assertFalse(l.startsWith("，") || l.startsWith("。"), "punctuation stays with its character: " + l);
    }
    assertEquals(String.join(" ", en.subList(1, 6)), light.intro().en(), "no word cut, none lost");
    assertEquals("Lesson 1/5: Why a container is light", en.get(0));
    assertEquals("第 1/5 课：为什么容器这么轻", zh.get(0));
  }

  @Test
  void hintsAndTheSolution() {
    var step = light.steps().get(0);
    assertEquals(List.of("Hint 3/3: Type: docker run busybox echo hello"),
        LessonViews.hint(step.hints().command(), 3, 3, EN, 80));
    assertEquals(List.of("第 1 步的参考答案（这一步现在记为“借助帮助完成”）：", "  docker run busybox echo hello"),
        LessonViews.solution(step, 0, ZH, 80));
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80})
  void everyViewOfEveryLessonFitsTheWidth(int width) {
    for (Lesson l : course.lessons()) {
      for (Messages m : List.of(EN, ZH)) {
        List<String> lines = new ArrayList<>(LessonViews.start(l, 1, course.lessons().size(), m, width));
        lines.addAll(LessonViews.resume(l, 1, 0, m, width));
        lines.addAll(LessonViews.done(l, 1, m, width));
        for (int i = 0; i < l.steps().size(); i++) {
          Step step = l.steps().get(i);
          lines.addAll(LessonViews.goal(l, i, new GoalReport(step.checks().stream()
              .map(c -> new GoalReport.Line(c, Verdict.NO)).toList()), m, width));
          for (var hint : step.hints().tiers()) {
            lines.addAll(LessonViews.hint(hint, 1, 3, m, width));
          }
          lines.addAll(LessonViews.solution(step, i, m, width));
          lines.addAll(LessonViews.passed(l, new StepResult(i + 1, 12, 2, true, "explain network web",
              i == l.steps().size() - 1), 1, m, width));
        }
        for (String line : lines) {
          assertTrue(Text.width(line) <= width || oneWord(line), l.id() + " at " + width + " columns: " + line);
        }
      }
    }
  }

  /** Whether {@code line} is one word, which no wrapping can break (a quoted one counts as one). */
  private static boolean oneWord(String line) {
    String s = line.strip().replaceFirst(" \\\\$", "");
    char quote = 0;
    for (char c : s.toCharArray()) {
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (quote == 0 && c == ' ') {
        return false;
      }
    }
    return true;
  }

  @Test
  void aLongSolutionLineBreaksAtASpaceOutsideQuotesAndStillTypesAsOneCommand() {
    Step step = light.steps().get(0);
    List<String> lines = LessonViews.solution(step, 0, EN, 24);
    assertEquals(List.of("The reference commands", "for step 1 (it now", "counts as solved with",
        "help):", "  docker run busybox \\", "    echo hello"), lines);
  }

  @Test
  void aMistakeIsOneNoteWrappedUnderItself() {
    assertEquals(List.of(">> Port 8081 is not one web", "   listens on."),
        LessonViews.mistake("Port 8081 is not one web listens on.", EN, 30));
  }

  @Test
  void undoSaysWhatCouldNotComeBackWithTheEnginesReasonAndThatAPushStays() {
    assertEquals(List.of("The lesson's containers and images are back as they were before the last line."),
        LessonViews.undone(List.of(), List.of(), EN, 200));
    String taken = "Conflict. The container name \"/web\" is already in use by container \"abc\".";
    List<NotUndone> not = List.of(new NotUndone(NotUndone.Kind.CONTAINER, "web", taken));
    assertEquals(List.of("Could not bring back container web: " + taken,
        "Everything else is back as it was before the last line. Type reset to start the lesson again.",
        "Cannot be undone: the push of me/app:v1. The hub keeps what it was given (others may have pulled it already)."),
        LessonViews.undone(not, List.of("me/app:v1"), EN, 200));
    assertEquals(List.of("无法恢复容器 web：" + taken, "其余的都已恢复到上一行命令之前的样子。输入 reset 可以重新开始这一课。"),
        LessonViews.undone(not, List.of(), ZH, 200));
    for (NotUndone.Kind kind : NotUndone.Kind.values()) {
      String line = LessonViews.undone(List.of(new NotUndone(kind, "x", "why")), List.of(), ZH, 200).get(0);
      assertTrue(line.contains("x") && line.endsWith("why"), line);
    }
    for (String line : LessonViews.undone(not, List.of("me/app:v1"), EN, 80)) {
      assertTrue(line.length() <= 80, "wrapped to the terminal: " + line);
    }
  }

  @ParameterizedTest
  @EnumSource(Messages.Lang.class)
  void everyFieldOfEveryCheckIsDescribedInBothLanguages(Messages.Lang lang) {
    Messages m = new Messages(lang);
    ContainerCheck every = new ContainerCheck("web", "busybox", "a=b", Scope.ANY, true, "running", 0, true, true,
        "sh", "8080:80", true, new ContainerCheck.MountWant("/data", "volume", "data", true), "hello");
    ContainerCheck none = new ContainerCheck(null, null, null, null, false, null, null, false, false, null, null,
        false, null, null);
    List<Check> checks = List.of(every, none,
        new ImageCheck("hello:v1", true, "hello:latest", "busybox", 1, "alice", "hi", "cat"),
        new ImageCheck("gone", false, null, null, null, null, null, null),
        new FileCheck(every, "/a", "added"), new FileCheck(null, "/b", "changed"), new FileCheck(null, "/c", "deleted"),
        new HttpCheck(8080, null, "/index.html", "x"), new HttpCheck(null, 80, "/", "x"), AnswerCheck.of(List.of("1")),
        new HubCheck("student/hello:v1", true, "student/hello:v1"), new HubCheck("student/hello:v1", false, null),
        new LoginCheck(null, "student"), new LoginCheck("127.0.0.1:5000", null));
    for (Check c : checks) {
      CheckItem item = CheckItem.of(c, null);
      String said = LessonViews.describe(item, m);
      assertFalse(said.contains("lesson."), "a message is missing: " + said);
    }
  }
}
