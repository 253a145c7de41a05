package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's docklab for the lesson tests: a scratch data root, and a config folder of its own where
 * the learner's progress.json goes; each line runs as {@code docklab -c LINE}, so each is also a restart.
 */
final class LessonHarness implements AutoCloseable {
  /** What one docklab run printed and returned. */
  record Said(int status, String out, String err) {}

  final Transcript t;
  final Path config;
  private final String configBefore;

  private LessonHarness(Transcript t, Path config) {
    this.t = t;
    this.config = config;
    this.configBefore = System.getProperty("docklab.config");
    System.setProperty("docklab.config", config.toString());
  }

  /** A harness whose directories are named after {@code name}. */
  static LessonHarness open(String name) throws IOException {
    return new LessonHarness(new Transcript(Files.createTempDirectory("docklab-lesson-" + name + "-")),
        Files.createTempDirectory("docklab-lesson-" + name + "-config-"));
  }

  /** {@code docklab --data-root ROOT ARGV...}. */
  Said docklab(String... argv) {
    List<String> args = new ArrayList<>(List.of("--data-root", t.root.toString()));
    args.addAll(List.of(argv));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args.toArray(String[]::new), InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Said(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** One line, in English. */
  Said en(String line) {
    return docklab("--lang", "en", "-c", line);
  }

  /** One line, in Chinese. */
  Said zh(String line) {
    return docklab("--lang", "zh", "-c", line);
  }

  /** The names {@code docker ps FLAGS} lists, a line each. */
  String names(String flags) {
    return en("docker ps " + flags + " --format '{{.Names}}'").out();
  }

  /** Removes every container, checks nothing stays mounted, and puts the config property back. */
  @Override
  public void close() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
    if (configBefore == null) {
      System.clearProperty("docklab.config");
    } else {
      System.setProperty("docklab.config", configBefore);
    }
    Trees.deleteRecursively(config);
  }
}
