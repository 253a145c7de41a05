package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.LessonHarness.Said;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mistake-aware hints on the real engine: each mistake made for real, and the note that follows the
 * line, keyed on what the engine says and holds.
 */
class LessonMistakeIT {
  static LessonHarness h;

  @BeforeAll
  static void setUp() throws Exception {
    h = LessonHarness.open("mistake");
  }

  @AfterAll
  static void tearDown() throws Exception {
    h.close();
  }

  static Said en(String line) {
    return h.en(line);
  }

  static String names(String flags) {
    return h.names(flags);
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
    return h.zh(line);
  }
}
