package dev.docklab.shell.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.load.LessonReader;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.run.ProgressStore;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson record}: the words, the lines kept after each line, the file written, on an engine faked at the api. */
class LessonRecorderTest {
  @TempDir
  Path dir;
  private FakeEngine fake;
  private ProgressStore store;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    fake = new FakeEngine(dir.resolve("data"));
    store = new ProgressStore(dir.resolve("config/progress.json"));
  }

  /** A new docklab (as each {@code docklab -c} is): the same config folder, nothing kept in memory. */
  private Builtins docklab() {
    return new Builtins(new DockerCli(), (args, s) -> 0, new LessonCommands(Course::bundled, store, (port, path) -> {
      throw new IOException("no HTTP in this test");
    }));
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

  /** A line as the shell runs it: a builtin runs here; a docker line's effect the test makes on the fake. */
  private int line(Builtins b, Session s, String text, int dockerStatus) {
    String[] w = text.split(" ");
    int status = b.find(w[0]) != null && !w[0].equals("docker")
        ? b.find(w[0]).run(List.of(w).subList(1, w.length), s) : dockerStatus;
    s.state().setLastStatus(status);
    b.afterLine(text, s);
    return status;
  }

  @Test
  void theLinesAfterLessonRecordBecomeTheSolutionAndTheirContainerAGoal() throws Exception {
    Session s = session(Messages.Lang.EN);
    assertEquals(0, line(docklab(), s, "lesson record", 0));
    assertTrue(said().startsWith("Recording. The lines you type from now on are kept"));
    assertEquals(1, line(docklab(), s, "lesson record", 0));
    assertEquals("Already recording (no line kept, on the data root " + dir.resolve("data")
        + "): lesson record stop FILE writes the draft lesson, lesson record off drops it.\n", said());

    line(docklab(), s, "docker run busybox echo hi", 0);
    fake.exited("busybox", 0, "hi", "echo", "hi");
    line(docklab(), s, "help", 0);
    line(docklab(), s, "goal", 0);
    said();
    line(docklab(), s, "docker rn busybox", 1);
    assertEquals("docklab: not kept in the recording: the line failed (status 1)\n", said());
    line(docklab(), s, "!ls /", 0);

    assertEquals(0, line(docklab(), s, "lesson record stop first", 0));
    assertEquals("Wrote first.yaml: lesson first, 2 lines as its solution, 1 check suggested. Replace its TODO texts"
        + " (en and zh), then: lesson lint first.yaml, and sudo scripts/docklab lesson test first.yaml.\n", said());
    Lesson l = LessonReader.read(dir.resolve("first.yaml"));
    assertEquals(List.of("docker run busybox echo hi", "!ls /"), l.steps().get(0).solution());
    assertEquals("busybox", l.steps().get(0).checks().get(0).container().image());
    assertEquals(0, line(docklab(), s, "lesson lint first.yaml", 0));
    assertEquals(1, line(docklab(), s, "lesson record stop again.yaml", 0), "the recording ended");
    assertTrue(said().contains("Not recording: lesson record starts a recording.\n"));
    assertFalse(Files.exists(dir.resolve("config/recording.json")));
  }

  @Test
  void anExistingFileIsWrittenOverOnlyWithForce() throws Exception {
    Session s = session(Messages.Lang.EN);
    Files.writeString(dir.resolve("mine.yaml"), "id: mine\n");
    line(docklab(), s, "lesson record", 0);
    line(docklab(), s, "docker run busybox echo hi", 0);
    fake.exited("busybox", 0, "hi", "echo", "hi");
    said();
    assertEquals(1, line(docklab(), s, "lesson record stop mine.yaml", 0));
    assertEquals("docklab: mine.yaml already exists: lesson record stop mine.yaml --force writes over it\n", said());
    assertEquals("id: mine\n", Files.readString(dir.resolve("mine.yaml")));
    assertEquals(0, line(docklab(), s, "lesson record stop mine.yaml --force", 0));
    assertTrue(Files.readString(dir.resolve("mine.yaml")).contains("\nid: mine\n"));
    assertEquals(List.of("config", "mine.yaml"), names(dir), "no temporary file left");
  }

  @Test
  void nothingToCheckKeepsTheRecordingAndOffDropsIt() {
    Session s = session(Messages.Lang.EN);
    line(docklab(), s, "lesson record", 0);
    said();
    assertEquals(1, line(docklab(), s, "lesson record stop x.yaml", 0));
    assertEquals("docklab: no line recorded yet: type the lesson commands first, then lesson record stop FILE\n",
        said());
    line(docklab(), s, "docker ps -a", 0);
    assertEquals(1, line(docklab(), s, "lesson record stop x.yaml", 0));
    assertTrue(said().startsWith("docklab: the recorded lines made or changed no container and no image name"));
    assertFalse(Files.exists(dir.resolve("x.yaml")));
    assertEquals(2, line(docklab(), s, "lesson record stop", 0));
    assertEquals("docklab: usage: lesson record [stop FILE [--force] | off]\n", said());
    assertEquals(0, line(docklab(), s, "lesson record off", 0));
    assertEquals("Recording dropped (1 line).\n", said());
    assertEquals(0, line(docklab(), s, "lesson record off", 0));
    assertEquals("Not recording: lesson record starts a recording.\n", said());
  }

  @Test
  void theRecordingSpeaksChineseToo() {
    Session s = session(Messages.Lang.ZH);
    line(docklab(), s, "lesson record", 0);
    assertTrue(said().startsWith("开始录制。"));
    line(docklab(), s, "docker run busybox echo hi", 0);
    fake.exited("busybox", 0, "hi", "echo", "hi");
    assertEquals(0, line(docklab(), s, "lesson record stop zh.yaml", 0));
    assertTrue(said().startsWith("已写出 zh.yaml：课程 zh，参考答案 1 行，建议了 1 项检查。"));
  }

  private static List<String> names(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
