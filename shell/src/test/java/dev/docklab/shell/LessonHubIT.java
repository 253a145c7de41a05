package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.shell.LessonHarness.Said;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The push-pull lesson on a real hub: the account its start state makes, a push refused for want of a
 * login and then outside the namespace (each with its note), the login and the push checked on the hub
 * and in the logins docklab keeps, a lookalike tag that is no pull, and reset taking the tag off the hub.
 */
class LessonHubIT {
  static LessonHarness h;

  @BeforeAll
  static void setUp() throws Exception {
    h = LessonHarness.open("hub");
    try (ServerSocket s = new ServerSocket(0)) {
      Files.writeString(h.t.root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + s.getLocalPort() + "\"}");
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    h.close();
  }

  static Said en(String line) {
    return h.en(line);
  }

  @Test
  void loginPushAndPullCheckedOnTheHub() throws Exception {
    Said start = en("lesson push-pull");
    assertEquals(0, start.status(), start.err());
    assertTrue(start.out().startsWith("Lesson 15/15: Login, push and pull\n"), start.out());
    assertTrue(h.docklab("registry", "user", "ls").out().contains("student"), "the start state made the account");

    assertTrue(en("docker tag busybox student/hello:v1").out().contains(">> Step 1/5 done"));
    Path lines = Files.writeString(h.config.resolve("lines.txt"), "docker push student/hello:v1\nhint\n");
    Said unauthorized = h.docklab("--lang", "en", lines.toString());
    assertTrue(unauthorized.out().replace("\n   ", " ").contains(">> The registry refused student/hello:v1: nobody is logged in to it"),
        unauthorized.out());
    assertTrue(unauthorized.out().replace("\n   ", " ").contains("\nThe registry refused student/hello:v1: nobody is logged in"),
        "hint repeats what went wrong: " + unauthorized.out());

    Said login = en("docker login -u student -p docklab");
    assertEquals(0, login.status(), login.err());
    assertTrue(login.out().startsWith("Login Succeeded\n(docklab: Docker Hub is played here by docklab's hub at "
        + "127.0.0.1:"), login.out());
    assertTrue(login.out().contains(">> Step 2/5 done"), login.out());
    assertTrue(Files.readString(h.config.resolve("config.json")).contains("\"auth\""), "kept as Docker keeps it");

    en("docker tag busybox hello:v1");
    Said outside = en("docker push hello:v1");
    assertTrue(outside.out().replace("\n   ", " ").contains(">> hello:v1 is not in your namespace: the account student may push only to "
        + "student/..."), "the lesson's own words for the mistake: " + outside.out());
    Said zh = h.zh("docker push hello:v1");
    assertTrue(zh.out().replace("\n   ", "").contains(">> hello:v1 不在你的命名空间里：账号 student 只能推送到 student/... 下面"), zh.out());

    Said push = en("docker push student/hello:v1");
    assertEquals(0, push.status(), push.err());
    assertTrue(push.out().contains(">> Step 3/5 done"), push.out());
    Said undo = en("undo");
    assertTrue(undo.out().replace("\n", " ").contains("Cannot be undone: the push of student/hello:v1"), undo.out() + undo.err());
    assertFalse(undo.out().contains("Step 4/5 done"), "undo after a push puts nothing back (the tag stays): " + undo.out());
    assertTrue(en("docker rmi student/hello:v1").out().contains(">> Step 4/5 done"));
    Said lookalike = en("docker tag busybox student/hello:v1");
    assertFalse(lookalike.out().contains("done"), "a tag is not a pull: " + lookalike.out());
    assertEquals(1, en("goal").status());
    en("docker rmi student/hello:v1");
    Said pull = en("docker pull student/hello:v1");
    assertEquals(0, pull.status(), pull.err());
    assertTrue(pull.out().contains(">> Step 5/5 done"), pull.out());
    assertTrue(pull.out().contains("Lesson 15 is done: Login, push and pull."), pull.out());

    assertEquals(0, en("lesson push-pull").status(), "done: it starts again");
    assertTrue(en("docker pull student/hello:v1").status() != 0, "the start state took the tag off the hub");
    assertEquals(0, en("docker tag busybox student/hello:v1 && docker push student/hello:v1").status());
    assertEquals(0, en("docker rmi student/hello:v1 && docker pull student/hello:v1").status(), "on the hub again");
    Said reset = en("reset");
    assertEquals(0, reset.status(), reset.err());
    Said gone = en("docker pull student/hello:v1");
    assertTrue(gone.status() != 0, "reset took the tag off the hub: " + gone.out());
    en("lesson off");
    en("docker logout");
  }
}
