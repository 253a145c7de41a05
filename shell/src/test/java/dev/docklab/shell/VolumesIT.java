package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** -v and --mount: bind mounts both ways, :ro, named and anonymous volumes, inspect's Mounts. */
class VolumesIT {
  static Transcript t;
  static Path host;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-vol-"));
    host = Files.createTempDirectory("docklab-hostdir-");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(host);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void bindMountsShareBothWaysAndReadOnlyRefusesWrites() throws Exception {
    Files.writeString(host.resolve("from-host.txt"), "hello container\n");
    Transcript.Result rw = t.run("docker run --rm -v " + host + ":/shared busybox sh -c "
        + "'cat /shared/from-host.txt; echo hello host > /shared/from-ctr.txt'");
    assertEquals("hello container\n", rw.out(), rw.err());
    assertEquals("hello host\n", Files.readString(host.resolve("from-ctr.txt")));
    Transcript.Result ro = t.run("docker run --rm -v " + host + ":/shared:ro busybox sh -c 'echo x > /shared/no.txt'");
    assertEquals(1, ro.status());
    assertTrue(ro.err().contains("Read-only file system"), ro.err());
    assertFalse(Files.exists(host.resolve("no.txt")));
    Transcript.Result mount = t.run("docker run --rm --mount type=bind,src=" + host + ",dst=/m,readonly busybox "
        + "cat /m/from-host.txt");
    assertEquals("hello container\n", mount.out(), mount.err());
    Path missing = host.resolve("made-by-v");
    assertEquals(0, t.run("docker run --rm -v " + missing + ":/x busybox true").status());
    assertTrue(Files.isDirectory(missing), "-v creates a missing host directory");
    assertTrue(t.run("docker run --rm --mount type=bind,src=" + host.resolve("nope") + ",dst=/x busybox true").err()
        .contains("bind source path does not exist"));
  }

  @Test
  void namedVolumesAreSeededOutliveTheirContainerAndShowInInspect() {
    t.run("docker run --name writer -v appdata:/etc busybox sh -c 'echo kept > /etc/kept.txt'");
    assertTrue(t.run("docker run --rm -v appdata:/data busybox ls /data").out().contains("passwd\n"),
        "seeded from the image's /etc on first use");
    assertEquals("kept\n", t.run("docker run --rm -v appdata:/data busybox cat /data/kept.txt").out());
    assertEquals("[{\"Type\":\"volume\",\"Name\":\"appdata\",\"Source\":\"" + t.root.resolve("volumes/appdata/_data")
        + "\",\"Destination\":\"/etc\",\"Driver\":\"local\",\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}]\n",
        t.run("docker inspect -f '{{json .Mounts}}' writer").out());
    assertEquals("writer\n", t.run("docker ps -a --filter volume=appdata --format '{{.Names}}'").out());
    assertTrue(t.run("docker volume rm appdata").err().startsWith("Error response from daemon: remove appdata: volume "
        + "is in use - ["));
    t.run("docker rm writer");
    assertEquals("appdata\n", t.run("docker volume rm appdata").out());
    assertEquals("", t.run("docker volume ls -q").out().lines().filter(l -> l.equals("appdata")).findAny().orElse(""));
  }

  @Test
  void inspectListsTheBindsOfEachDashV() {
    t.run("docker run --name binder -v " + host + ":/shared:ro -v bindsvol:/data -v /anon busybox true");
    assertEquals("[\"" + host + ":/shared:ro\",\"bindsvol:/data\"]\n",
        t.run("docker inspect -f '{{json .HostConfig.Binds}}' binder").out());
    t.run("docker run --name nobinds busybox true");
    assertEquals("null\n", t.run("docker inspect -f '{{json .HostConfig.Binds}}' nobinds").out());
    t.run("docker rm -v binder nobinds");
    t.run("docker volume rm bindsvol");
  }

  @Test
  void anonymousVolumesGoWithRmV() {
    t.run("docker run --name anon -v /scratch busybox touch /scratch/x");
    String vol = t.run("docker volume ls -q").out();
    assertTrue(vol.lines().anyMatch(l -> l.length() == 64), vol);
    t.run("docker rm -v anon");
    assertTrue(t.run("docker volume ls -q").out().lines().noneMatch(l -> l.length() == 64), "rm -v removed it");
  }

  @Test
  void badSpecsGetDockersMessages() {
    assertEquals("docker: invalid mount config for type \"bind\": invalid mount path: 'dir' mount path must be "
        + "absolute.\nSee 'docker run --help'.\n", t.run("docker run -v rel:dir busybox true").err());
    assertEquals("docker: invalid volume specification: 'a:b:c:d'.\nSee 'docker run --help'.\n",
        t.run("docker run -v a:b:c:d busybox true").err());
  }
}
