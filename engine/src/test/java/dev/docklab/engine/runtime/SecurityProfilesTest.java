package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.SecurityOpts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which filter a container gets, and the refusal when the default profile is not installed. */
class SecurityProfilesTest {
  private static final HostFacts HOST = HostFacts.probe();
  @TempDir
  Path dir;

  @Test
  void withoutTheDefaultProfileNoContainerStartsUnconfinedBehindTheLearnersBack() {
    SecurityProfiles missing = new SecurityProfiles(dir.resolve("seccomp.json"), HOST, AppArmor.probe());
    assertFalse(missing.defaultSeccompInstalled());
    EngineException e = assertThrows(EngineException.class, () -> missing.forContainer(SecurityOpts.DEFAULT));
    assertEquals("the default seccomp profile " + dir.resolve("seccomp.json") + " is missing, so no container may "
        + "start: install it with apt-get install golang-github-containers-common (scripts/docklab does this for you)",
        e.getMessage());
    assertNull(missing.forContainer(SecurityOpts.parse(List.of("seccomp=unconfined"))).seccomp(),
        "asking for no filter needs no profile");
  }

  @Test
  void theDefaultProfileIsReadFromItsFileWithDockersRule() throws Exception {
    Path file = dir.resolve("seccomp.json");
    Files.writeString(file, """
        {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "unshare"], "action": "SCMP_ACT_ALLOW"}]}
        """);
    BundleSpec.Security s = new SecurityProfiles(file, HOST, AppArmor.probe())
        .forContainer(SecurityOpts.parse(List.of("no-new-privileges")));
    assertTrue(s.noNewPrivileges());
    assertEquals(2, SeccompProfile.syscallCount(s.seccomp()));
    assertTrue(s.seccomp().toString().contains("names=[read], action=SCMP_ACT_ALLOW"), s.seccomp().toString());
    assertTrue(s.seccomp().toString().contains("names=[unshare], action=SCMP_ACT_ERRNO"), s.seccomp().toString());
  }

  @Test
  void aDamagedDefaultProfileSaysHowToRepairIt() throws Exception {
    Path file = dir.resolve("seccomp.json");
    Files.writeString(file, "{\"defaultAction\": ");
    EngineException e = assertThrows(EngineException.class,
        () -> new SecurityProfiles(file, HOST, AppArmor.probe()).forContainer(SecurityOpts.DEFAULT));
    assertTrue(e.getMessage().endsWith("reinstall it with apt-get install --reinstall golang-github-containers-common"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
