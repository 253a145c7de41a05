package dev.docklab.shell.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.check.Http;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.run.LessonStatus;
import dev.docklab.lessons.run.ProgressStore;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.repl.TerminalInteraction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson words on an engine faked at the api, with a real progress file. */
class LessonCommandsTest {
  @TempDir
  Path dir;
  private FakeEngine fake;
  private ProgressStore store;
  private LessonCommands lessons;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    fake = new FakeEngine(dir.resolve("data"));
    store = new ProgressStore(dir.resolve("config/progress.json"));
    lessons = shell();
  }

  /** The shell ends, as a docklab does: what it has not written yet is written before the folder goes. */
  @AfterEach
  void end() {
    store.flush();
  }

  /** A new docklab: the same course and progress file, nothing kept in memory. */
  private LessonCommands shell() {
    return new LessonCommands(Course::bundled, store, (port, path) -> {
      throw new IOException("no HTTP in this test");
    });
  }

  private Session session(Messages.Lang lang) {
    Session s = new Session(fake::engine, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), new Messages(lang),
        Session.Foreground.NONE);
    s.state().setWorkspace(dir);
    return s;
  }

  private String said() {
    String s = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    out.reset();
    err.reset();
    return s;
  }

  /** Runs a line as the shell would: the word, then the check after the line. */
  private int line(Session s, String text) {
    String[] w = text.split(" ");
    List<String> args = List.of(w).subList(1, w.length);
    int status = switch (w[0]) {
      case "lessons" -> lessons.lessons(args, s);
      case "lesson" -> lessons.lesson(args, s);
      case "goal" -> lessons.goal(args, s);
      case "hint" -> lessons.hint(args, s);
      case "solution" -> lessons.solution(args, s);
      case "answer" -> lessons.answer(args, s);
      default -> 0; // a docker command: the test changes the fake engine's state itself
    };
    lessons.afterLine(text, s);
    return status;
  }

  @Test
  void goalSetsTheStatusAndAStepPassesHoweverTheContainerWasMade() {
    Session s = session(Messages.Lang.EN);
    assertEquals(0, line(s, "lesson 1"));
    assertTrue(said().startsWith("Lesson 1/" + Course.bundled().lessons().size() + ": Why a container is light\n"));
    assertEquals(1, line(s, "goal"));
    assertTrue(said().contains("[ ] not yet: a container of image busybox"));
    line(s, "docker ps -a");
    line(s, "hint; hint");
    fake.exited("busybox", 0, "hello", "echo", "hello"); // docker create + docker start -a, say
    line(s, "docker container start -a c2");
    String passed = said();
    assertTrue(passed.contains(">> Step 1/3 done: the goal holds.\nYou used 2 commands; the reference uses 1.\n"),
        passed);
    assertTrue(passed.contains("Step 2/3:"), passed);
    assertEquals(1, line(s, "goal"), "step 2 is not done yet");
  }

  @Test
  void aFailedLinesMistakeIsSaidAtOnceAndTheNextHintGivesItBeforeTheTiers() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    said();
    s.state().setLastStatus(1); // the pull failed, and the image is not here: the hub has none
    line(s, "docker pull nosuch:v9");
    assertTrue(said().startsWith(">> The hub has no image nosuch:v9, and it is not on this machine either"));
    line(s, "hint");
    assertTrue(said().startsWith("The hub has no image nosuch:v9"), "the mistake first, not a tier");
    line(s, "hint");
    assertTrue(said().startsWith("Hint 1/3:"), "then the tiers");
    s.state().setLastStatus(0);
    line(s, "docker pull nosuch:v9");
    assertEquals("", said(), "a pull that worked is no mistake");
  }

  @Test
  void theMistakeIsSaidInChineseToo() {
    Session s = session(Messages.Lang.ZH);
    line(s, "lesson 1");
    said();
    s.state().setLastStatus(125);
    line(s, "docker run -d nosuch");
    assertTrue(said().startsWith(">> hub 上没有镜像 nosuch，本机也没有"));
  }

  @Test
  void anAnswerIsCheckedAtOnceAndAWrongOneSaysSo() {
    Session s = session(Messages.Lang.ZH);
    line(s, "lesson light");
    fake.exited("busybox", 0, "hello", "echo", "hello");
    line(s, "docker run busybox echo hello");
    fake.exited("busybox", 0, "PID USER COMMAND", "ps");
    line(s, "docker run busybox ps");
    said();
    assertEquals(1, line(s, "answer 42"));
    assertTrue(said().startsWith("这不是这一步要的答案。"));
    assertEquals(0, line(s, "answer 1"));
    assertTrue(said().contains(">> 第 2/3 步完成：目标已达成。\n你用了 3 条命令；参考答案用了 2 条。\n"));
  }

  @Test
  void theSolutionCountsAsHelpAndHintsRunOut() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    for (int i = 0; i < 3; i++) {
      assertEquals(0, line(s, "hint"));
    }
    said();
    assertEquals(1, line(s, "hint"));
    assertEquals("No more hints for this step: type solution to see the reference commands.\n", said());
    assertEquals(0, line(s, "solution"));
    assertEquals("The reference commands for step 1 (it now counts as solved with help):\n"
        + "  docker run busybox echo hello\n", said());
    fake.exited("busybox", 0, "hello", "echo", "hello");
    line(s, "docker run busybox echo hello");
    assertTrue(said().contains("You used 1 command; the reference uses 1 (solved with help)."));
  }

  @Test
  void onATerminalSolutionPutsTheNextReferenceLineOnTheInputLine() throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().streams(InputStream.nullInputStream(), OutputStream.nullOutputStream())
        .dumb(true).build()) {
      terminal.setSize(new Size(40, 24));
      Session s = new Session(fake::engine, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(),
          new Messages(Messages.Lang.EN), Session.Foreground.NONE, new TerminalInteraction(terminal));
      s.state().setWorkspace(dir);
      line(s, "lesson light");
      fake.exited("busybox", 0, "hello", "echo", "hello");
      line(s, "docker run busybox echo hello");
      said();
      line(s, "solution");
      assertEquals("docker run busybox ps", s.state().takePlacedInput(), "step 2's first line, nothing typed yet");
      assertNull(s.state().takePlacedInput(), "placed once");
      for (String l : said().split("\n")) {
        assertTrue(Text.width(l) <= 40, "the terminal's 40 columns: " + l);
      }
      fake.exited("busybox", 0, "PID USER COMMAND", "ps");
      line(s, "docker   run busybox ps");
      line(s, "solution");
      assertEquals("answer 1", s.state().takePlacedInput(), "the line after the one typed");
    }
  }

  @Test
  void withoutATerminalSolutionOnlyPrints() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson light");
    line(s, "solution");
    assertNull(s.state().takePlacedInput(), "docklab -c and scripts have no input line");
  }

  @Test
  void aRestartResumesTheLessonFromTheSavedProgress() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    fake.exited("busybox", 0, "hello", "echo", "hello");
    line(s, "docker run busybox echo hello");
    lessons = shell();
    said();
    assertEquals(1, line(s, "goal"));
    assertTrue(said().startsWith("Goal of step 2/3:"));
    assertEquals(0, line(s, "lessons"));
    String course = said();
    assertTrue(course.matches("(?s).*\\n▶ 1 +light +in progress \\(step 2/3\\) .*"), course);
    assertEquals(1, store.load().of("light").step());
  }

  @Test
  void aLineThatChangedNothingWritesNothingAndTheEndWritesWhatIsLeft() throws IOException {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    Object file = Files.readAttributes(store.file(), BasicFileAttributes.class).fileKey();
    line(s, "goal");
    lessons.end(s);
    assertEquals(file, Files.readAttributes(store.file(), BasicFileAttributes.class).fileKey(),
        "goal only asked: the file was not written again");
    line(s, "docker ps -a");
    lessons.end(s);
    assertEquals(1, new ProgressStore(store.file()).load().of("light").commands(), "the line counted, on disk");
  }

  @Test
  void offReturnsToTheSandboxAndTheLessonWaitsWhereItWas() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    assertTrue(fake.keeping, "a lesson has the engine keep what rm and rmi remove, for undo");
    fake.exited("busybox", 0, "hello", "echo", "hello");
    line(s, "docker run busybox echo hello");
    said();
    assertEquals(0, line(s, "lesson off"));
    assertFalse(fake.keeping, "the sandbox removes at once");
    assertEquals("Back to the free sandbox. Lesson 1 waits at step 2: lesson 1 takes it up again.\n", said());
    assertEquals(1, line(s, "goal"));
    assertEquals("No lesson is running: lessons shows the course, lesson 1 starts the first one.\n", said());
    fake.exited("busybox", 0, "PID", "ps");
    line(s, "docker run busybox ps");
    assertEquals(0, store.load().of("light").commands(), "the sandbox is not the lesson");
    assertEquals(0, line(s, "lesson 1"));
    assertTrue(said().startsWith("Lesson 1: Why a container is light, at step 2 of 3."));
  }

  @Test
  void aLessonRunsOnOneDataRootOnly() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    fake = new FakeEngine(dir.resolve("another-data-root"));
    lessons = shell();
    said();
    s = session(Messages.Lang.EN);
    assertEquals(1, line(s, "goal"));
    assertTrue(said().startsWith("No lesson is running"));
    assertEquals(LessonStatus.IN_PROGRESS, store.load().of("light").status());
  }

  @Test
  void theLastStepEndsTheLessonAndNextStartsTheFollowingOne() {
    Session s = session(Messages.Lang.EN);
    line(s, "lesson 1");
    fake.exited("busybox", 0, "hello", "echo", "hello");
    line(s, "x");
    fake.exited("busybox", 0, "PID", "ps");
    line(s, "answer 1");
    fake.exited("busybox", 0, "6.1.0", "uname", "-r");
    said();
    line(s, "answer yes");
    assertTrue(said().contains("Lesson 1 is done: Why a container is light. Type lesson next"));
    assertEquals(LessonStatus.DONE, store.load().of("light").status());
    assertEquals(1, line(s, "goal"));
    said();
    assertEquals(0, line(s, "lesson next"));
    assertTrue(said().startsWith("Lesson 2/" + Course.bundled().lessons().size() + ": Client and server"));
  }

  @Test
  void anUnknownLessonIsOneLine() {
    Session s = session(Messages.Lang.EN);
    assertEquals(1, line(s, "lesson 42"));
    assertEquals("docklab: no lesson 42: lessons shows the course\n", said());
  }

  @Test
  void lintGivesEachProblemWithItsLine() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "id: bad\ntitle: {en: Bad}\nintro: {en: x, zh: 十}\nsteps: []\n");
    Session s = session(Messages.Lang.EN);
    assertEquals(1, line(s, "lesson lint bad.yaml"));
    assertEquals("bad.yaml:2: this text needs both en and zh; missing zh\n"
        + "bad.yaml:5: a lesson needs at least one step\n", said());
  }
}
