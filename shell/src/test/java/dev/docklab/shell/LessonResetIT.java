package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * {@code reset} on the real engine: after a step played and the lesson's things changed, the engine
 * is back at the lesson's start state, and the learner's own container is still there.
 */
class LessonResetIT {
  static Transcript t;
  static Path config;
  static String configBefore;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-lesson-reset-"));
    config = Files.createTempDirectory("docklab-lesson-reset-config-");
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
  void resetReturnsTheEngineToTheStartStateAndKeepsTheLearnersOwnContainer() {
    assertEquals(0, en("docker create --name mine busybox sleep 1").status());
    assertEquals(0, en("lesson background").status());
    String startRunning = names("");
    String tickerId = en("docker inspect -f '{{.Id}}' ticker").out();
    assertTrue(startRunning.contains("ticker"), startRunning);

    en("docker logs ticker");
    assertTrue(en("answer tick").out().contains("Step 1/"), "step 1 played");
    assertEquals(0, en("docker stop -t 1 ticker").status());
    assertEquals(0, en("docker run -d --name extra busybox sleep 60").status());
    assertEquals(0, en("docker tag busybox lesson-copy:v1").status());

    Said reset = en("reset");
    assertEquals(0, reset.status(), reset.err());
    assertTrue(reset.out().startsWith("The lesson is back at its start state"), reset.out());

    String all = names("-a");
    assertTrue(all.contains("mine\n"), "the learner's own container stays: " + all);
    assertFalse(all.contains("extra"), "a container the lesson's lines made is gone: " + all);
    assertEquals(startRunning, names(""), "the start state's containers run again, as at the start");
    assertNotEquals(tickerId, en("docker inspect -f '{{.Id}}' ticker").out(), "ticker is made anew");
    assertFalse(en("docker images --format '{{.Repository}}:{{.Tag}}'").out().contains("lesson-copy"),
        "a name the lesson made is removed");
    assertEquals(1, en("goal").status(), "back at step 1, whose goal does not hold yet");

    Said again = en("lesson background");
    assertTrue(again.out().startsWith("Lesson 5: "), again.out());
    assertTrue(again.out().contains("at step 1 of"), again.out());
    assertTrue(again.out().contains("type reset"), again.out());
    en("lesson off");
    en("docker rm -f mine ticker");
  }
}
