package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code undo} on the real engine: each line's change to the lesson's things taken back, one line at
 * a time (a stop, a start, a rename, a container created, a tag, an untag), and what cannot be named.
 */
class LessonUndoIT {
  static Transcript t;
  static Path config;
  static String configBefore;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-lesson-undo-"));
    config = Files.createTempDirectory("docklab-lesson-undo-config-");
    configBefore = System.getProperty("docklab.config");
    System.setProperty("docklab.config", config.toString());
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
    if (configBefore == null) {
      System.clearProperty("docklab.config");
    } else {
      System.setProperty("docklab.config", configBefore);
    }
    Trees.deleteRecursively(config);
  }

  record Said(int status, String out, String err) {}

  static Said en(String line) {
    List<String> args = new ArrayList<>(List.of("--data-root", t.root.toString(), "--lang", "en", "-c", line));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args.toArray(String[]::new), InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Said(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String names(String flags) {
    return en("docker ps " + flags + " --format '{{.Names}}'").out();
  }

  @Test
  void undoTakesBackTheLastLineOnly() {
    assertEquals(0, en("lesson background").status());
    assertTrue(names("").contains("ticker"));

    assertEquals(0, en("docker stop -t 1 ticker").status());
    assertFalse(names("").contains("ticker"));
    assertEquals(0, en("undo").status());
    assertTrue(names("").contains("ticker\n"), "started again: " + names(""));

    assertEquals(0, en("docker run -d --name extra busybox sleep 60").status());
    assertEquals(0, en("undo").status());
    assertFalse(names("-a").contains("extra"), "the container the line created is removed");

    assertEquals(0, en("docker rename ticker tick2").status());
    assertEquals(0, en("undo").status());
    assertTrue(names("-a").contains("ticker\n"), names("-a"));

    assertEquals(0, en("docker tag busybox lesson-copy:v1").status());
    assertEquals(0, en("undo").status());
    assertFalse(images().contains("lesson-copy"), "the name the line tagged is removed");

    assertEquals(0, en("docker tag busybox lesson-copy:v2").status());
    assertEquals(0, en("docker rmi lesson-copy:v2").status());
    assertEquals(0, en("undo").status());
    assertTrue(images().contains("lesson-copy:v2"), "the name the line untagged is back");

    assertEquals(0, en("docker rm -f ticker").status());
    Said cannot = en("undo");
    assertEquals(1, cannot.status());
    assertTrue(cannot.out().contains("Cannot be undone: container ticker"), cannot.out());
    en("lesson off");
    en("docker rmi lesson-copy:v2");
  }

  static String images() {
    return en("docker images --format '{{.Repository}}:{{.Tag}}'").out();
  }
}
