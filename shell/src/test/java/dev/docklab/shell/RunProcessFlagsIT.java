package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The process flags of {@code docker run} ({@code -w}, {@code --entrypoint}, {@code -u}, {@code -h},
 * {@code --env-file}) on the real engine, checked as a learner checks them.
 */
class RunProcessFlagsIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-flags-"));
    t.run("docker images -q"); // the base images are made on the first line: not in a test's output
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void workdirIsTheProcessCwdAndIsMadeWhenMissing() {
    assertEquals("/tmp\n", t.run("docker run --rm -w /tmp busybox pwd").out());
    Transcript.Result made = t.run("docker run --rm --workdir /srv/app busybox sh -c 'pwd; ls -d /srv/app'");
    assertEquals("/srv/app\n/srv/app\n", made.out(), made.err());
    Transcript.Result relative = t.run("docker run --rm -w tmp busybox pwd");
    assertTrue(relative.err().startsWith("docker: the working directory 'tmp' is invalid, it needs to be an "
        + "absolute path"), relative.err());
  }

  @Test
  void entrypointReplacesTheImagesAndItsCmd() {
    assertEquals("hi\n", t.run("docker run --rm --entrypoint echo busybox hi").out());
    assertEquals("\n", t.run("docker run --rm --entrypoint echo busybox").out(), "the image's CMD (sh) is dropped");
    Transcript.Result cleared = t.run("docker run --rm --entrypoint '' busybox echo cleared");
    assertEquals("cleared\n", cleared.out(), cleared.err());
  }

  @Test
  void userIsResolvedInTheContainersPasswd() {
    Transcript.Result id = t.run("docker run --rm -u nobody busybox id");
    assertTrue(id.out().startsWith("uid=65534(nobody) gid=65534(nogroup)"), id.out() + id.err());
    assertTrue(t.run("docker run --rm --user 1000:nogroup busybox id").out().startsWith("uid=1000 gid=65534(nogroup)"));
    Transcript.Result unknown = t.run("docker run --rm -u nosuchuser busybox id");
    assertEquals("docker: Error response from daemon: unable to find user nosuchuser: no matching entries in "
        + "passwd file.\nSee 'docker run --help'.\n", unknown.err());
    assertEquals(125, unknown.status());
    assertEquals("", t.run("docker ps -aq").out(), "--rm removes the container that could not start");
  }

  @Test
  void hostnameIsTheUtsNameAndEtcHostname() {
    Transcript.Result h = t.run("docker run --rm -h myhost busybox sh -c 'hostname; cat /etc/hostname'");
    assertEquals("myhost\nmyhost\n", h.out(), h.err());
  }

  @Test
  void envFileLinesComeBeforeDashE() throws Exception {
    Path file = t.root.resolveSibling(t.root.getFileName() + ".env");
    Files.writeString(file, "# settings\nGREETING=hello world\n\n  COLOR=red\nPATH\nNOT_SET_ANYWHERE_42\n");
    try {
      Transcript.Result env = t.run("docker run --rm --env-file " + file + " -e COLOR=blue busybox "
          + "sh -c 'echo $GREETING; echo $COLOR; echo ${NOT_SET_ANYWHERE_42-unset}; env | grep -c ^PATH='");
      assertEquals("hello world\nblue\nunset\n1\n", env.out(), env.err());
    } finally {
      Files.deleteIfExists(file);
    }
    Transcript.Result missing = t.run("docker run --rm --env-file nosuch.env busybox true");
    assertEquals("docker: open nosuch.env: no such file or directory.\nSee 'docker run --help'.\n", missing.err());
  }

  @Test
  void inspectShowsTheFlagsAsDockerDoes() {
    t.run("docker create --name flagged -w /tmp -u nobody -h myhost --entrypoint echo busybox hi");
    assertEquals("/tmp nobody myhost\n",
        t.run("docker inspect -f '{{.Config.WorkingDir}} {{.Config.User}} {{.Config.Hostname}}' flagged").out());
    assertEquals("[echo] [hi]\n", t.run("docker inspect -f '{{.Config.Entrypoint}} {{.Config.Cmd}}' flagged").out());
    t.run("docker rm flagged");
  }

  @Test
  void inspectOfNothingPrintsAnEmptyListAndFails() {
    for (String line : List.of("docker inspect nothing", "docker container inspect nothing")) {
      Transcript.Result r = t.run(line);
      assertEquals("[]\n", r.out(), line);
      assertEquals("Error: No such object: nothing\n", r.err(), line);
      assertEquals(1, r.status(), line);
    }
  }
}
