package dev.docklab.shell;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.lessons.check.Http;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.load.LessonFileException;
import dev.docklab.lessons.load.LessonReader;
import dev.docklab.lessons.load.Problem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.run.Failure;
import dev.docklab.lessons.run.LessonPlayer;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.interp.Shell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code docklab lesson test [FILE|DIR]}: plays each lesson headless on a real engine in a scratch
 * data root (its goals must fail before their solutions and hold after, through docklab's own shell);
 * {@code docklab lesson lint FILE...}: reads lesson files and prints their problems with line numbers.
 */
final class LessonTool {
  /** How long a goal may take to hold after its solution (a server starting, a log line coming). */
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private LessonTool() {}

  static int run(List<String> args, EngineOptions engine, PrintStream out, PrintStream err, Messages m) {
    String verb = args.isEmpty() ? "" : args.get(0);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    if (verb.equals("lint") && !rest.isEmpty()) {
      return lint(rest, out, err, m);
    }
    if (!verb.equals("test") || rest.size() > 1) {
      err.println(m.get("lesson.tool.usage"));
      return 2;
    }
    try {
      Course course = rest.isEmpty() ? Course.bundled() : Course.at(Path.of(rest.get(0)));
      return test(course, engine, out, err, m);
    } catch (IOException e) {
      err.println(m.get("main.error", e.getMessage()));
      return 1;
    }
  }

  private static int lint(List<String> files, PrintStream out, PrintStream err, Messages m) {
    int status = 0;
    for (String f : files) {
      try {
        Lesson l = LessonReader.read(Path.of(f));
        out.println(m.get("lesson.lint.ok", f, l.id(), l.steps().size()));
      } catch (LessonFileException e) {
        e.problems().forEach(err::println);
        status = 1;
      }
    }
    return status;
  }

  private static int test(Course course, EngineOptions options, PrintStream out, PrintStream err, Messages m)
      throws IOException {
    // a file that cannot be read (a text missing a language, a field unknown...) fails as it is
    course.problems().forEach(p -> out.println(m.get("lesson.test.fail", p.file() + (p.line() > 0 ? ":" + p.line() : ""),
        p.message())));
    int failed = (int) course.problems().stream().map(Problem::file).distinct().count();
    int passed = 0;
    long t0 = System.nanoTime();
    if (course.lessons().isEmpty()) {
      out.println(m.get("lesson.test.summary", passed, failed, seconds(Duration.ofNanos(System.nanoTime() - t0))));
      return failed == 0 ? 0 : 1;
    }
    Path scratch = Files.createTempDirectory("docklab-lesson-test-");
    out.println(m.get("lesson.test.start", course.lessons().size(), scratch));
    // the scratch engine's own hub on a free port, and its logins in the scratch: never the teacher's
    Files.writeString(scratch.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + freePort() + "\"}\n");
    String configBefore = System.getProperty("docklab.config");
    System.setProperty("docklab.config", Files.createDirectories(scratch.resolve("config")).toString());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (Engine engine = Engine.open(new EngineOptions(scratch, options.storageDriver(), options.runtime(),
        options.busybox()), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Session session = new Session(() -> engine, console, console, InputStream.nullInputStream(), m,
          Session.Foreground.NONE);
      session.state().setWorkspace(scratch.resolve("workspace")); // files a lesson writes on the host stay in the scratch
      Shell shell = new Shell(session);
      LessonPlayer player = new LessonPlayer(engine, shell::execute, Http.local(), PATIENCE);
      for (Lesson lesson : course.lessons()) {
        printed.reset();
        LessonPlayer.Outcome o = player.play(lesson);
        removeContainers(engine);
        if (o.passed()) {
          passed++;
          out.println(m.get("lesson.test.pass", o.lesson(), o.steps(), seconds(o.took())));
        } else {
          failed++;
          o.failures().forEach(f -> out.println(m.get("lesson.test.fail", o.lesson(), failure(f, m))));
          out.println(m.get("lesson.test.output"));
          printed.toString(StandardCharsets.UTF_8).lines().forEach(l -> out.println("    " + l));
        }
      }
    } catch (EngineException e) {
      err.println(m.get("main.error", Said.of(e, m)));
      failed++;
    } finally {
      if (configBefore == null) {
        System.clearProperty("docklab.config");
      } else {
        System.setProperty("docklab.config", configBefore);
      }
      discard(scratch, err, m);
    }
    out.println(m.get("lesson.test.summary", passed, failed, seconds(Duration.ofNanos(System.nanoTime() - t0))));
    return failed == 0 ? 0 : 1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Every container of the scratch engine, so that the next lesson starts clean. */
  private static void removeContainers(Engine engine) {
    for (Container c : engine.containers().list(true)) {
      try {
        engine.containers().remove(c.id(), true, true);
      } catch (EngineException e) {
        // gone meanwhile (a --rm container that just ended): the others are removed all the same
      }
    }
  }

  /** Deletes the scratch data root, unless something is still mounted under it (then says so). */
  private static void discard(Path scratch, PrintStream err, Messages m) {
    try {
      String prefix = scratch.toRealPath().toString() + "/";
      List<String> mounted = Files.readAllLines(Path.of("/proc/mounts")).stream().map(l -> l.split(" ")[1])
          .filter(p -> p.startsWith(prefix)).toList();
      if (!mounted.isEmpty()) {
        err.println(m.get("lesson.test.left", String.join(" ", mounted)));
        return;
      }
      // the engine deletes removed containers' files in the background: what it already took is no loss
      Files.walkFileTree(scratch, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      err.println(m.get("main.error", m.get("lesson.test.undeletable", scratch, e.getMessage())));
    }
  }

  /** How a lesson failed, in the learner's language. */
  static String failure(Failure f, Messages m) {
    List<Object> args = new ArrayList<>();
    args.add(String.valueOf(f.step()));
    args.addAll(f.error() == null ? f.args() : List.of(Said.of(f.error(), m)));
    return m.get("lesson.test.failure." + f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), args.toArray());
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }
}
