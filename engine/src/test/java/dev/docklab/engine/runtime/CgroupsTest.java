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
