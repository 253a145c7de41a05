package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsTest {
  @TempDir
  Path root;

  @Test
  void aContainersCgroupIsPerControllerOnV1AndOneDirectoryOnV2() {
    assertEquals(root.resolve("memory/docklab/abc"), new Cgroups(root, false).dir("memory", "/docklab/abc"));
    assertEquals(root.resolve("docklab/abc"), new Cgroups(root, true).dir("memory", "/docklab/abc"));
  }

  @Test
  void oomKillsAreTheKernelsCountOnV1AndV2() throws Exception {
    Path v1 = Files.createDirectories(root.resolve("memory/docklab/abc"));
    Files.writeString(v1.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
    assertEquals(2, new Cgroups(root, false).oomKills("/docklab/abc"));
    Path v2 = Files.createDirectories(root.resolve("docklab/abc"));
    Files.writeString(v2.resolve("memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n");
    assertEquals(1, new Cgroups(root, true).oomKills("/docklab/abc"));
    assertEquals(0, new Cgroups(root, true).oomKills("/docklab/gone"), "no cgroup, no count");
    Files.writeString(v1.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\n");
    assertEquals(0, new Cgroups(root, false).oomKills("/docklab/abc"), "a kernel without the counter");
  }

  @Test
  void swapCanBeLimitedWhereTheKernelAccountsIt() throws Exception {
    assertFalse(new Cgroups(root, false).limitsSwap());
    assertFalse(new Cgroups(root, true).limitsSwap());
    Files.createDirectories(root.resolve("memory"));
    Files.writeString(root.resolve("memory/memory.memsw.limit_in_bytes"), "9223372036854771712\n");
    assertTrue(new Cgroups(root, false).limitsSwap());
    Files.createDirectories(root.resolve("system.slice"));
    Files.writeString(root.resolve("system.slice/memory.swap.max"), "max\n");
    assertTrue(new Cgroups(root, true).limitsSwap());
  }
}
