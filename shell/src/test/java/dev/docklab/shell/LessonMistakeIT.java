package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Mistake-aware hints on the real engine: each mistake made for real, and the note that follows the
 * line, keyed on what the engine says and holds.
 */
class LessonMistakeIT {
  static Transcript t;
  static Path config;
  static String configBefore;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-lesson-mistake-"));
    config = Files.createTempDirectory("docklab-lesson-mistake-config-");
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
  void theEnginesErrorsAndStateGiveTheNoteAfterTheLine() {
    assertEquals(0, en("lesson ports").status());
    Said port = en("docker run -d -p 8089:8080 --name wsite web");
    assertEquals(0, port.status(), port.err());
    assertTrue(port.out().contains(">> Port 8080 is not one web listens on: the image EXPOSEs 80."), port.out());

    Said name = en("docker run -d --name wsite web");
    assertTrue(name.err().contains("Conflict"), name.err());
    assertTrue(name.out().contains(">> The name wsite is already taken by container "), name.out());

    Said bash = en("docker exec wsite bash");
    assertTrue(bash.status() != 0, bash.err());
    assertTrue(bash.out().contains(">> wsite has no bash: the command was not found"), bash.out());
    Said runBash = en("docker run --rm busybox bash");
    assertEquals(127, runBash.status(), runBash.err());
    assertTrue(runBash.out().contains(">> busybox has no bash"), runBash.out());

    Said absent = en("docker pull nosuch-image-docklab:v9");
    assertTrue(absent.status() != 0);
    assertTrue(absent.out().contains(">> The hub has no image nosuch-image-docklab:v9"), absent.out());

    Said zh = docklabZh("docker run -d --name wsite web");
    assertTrue(zh.out().contains(">> 名字 wsite 已经被容器 "), zh.out());
    en("lesson off");
    en("docker rm -f wsite");
  }

  static Said docklabZh(String line) {
    List<String> args = new ArrayList<>(List.of("--data-root", t.root.toString(), "--lang", "zh", "-c", line));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args.toArray(String[]::new), InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Said(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
