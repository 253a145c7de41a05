package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {
  @TempDir
  Path rootfs;

  @BeforeEach
  void etc() throws IOException {
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n"
        + "www-data:x:33:33:www-data:/var/www:/bin/false\n"
        + "nobody:x:65534:65534:nobody:/home:/bin/false\n");
    Files.writeString(rootfs.resolve("etc/group"),
        "root:x:0:\nwww-data:x:33:\nstaff:x:50:alice,bob\nnogroup:x:65534:\n");
  }

  @Test
  void resolvesNameToItsUidAndPrimaryGid() {
    assertArrayEquals(new int[] {65534, 65534}, Users.resolve("nobody", rootfs));
  }

  @Test
  void resolvesUidInPasswdToItsPrimaryGid() {
    assertArrayEquals(new int[] {33, 33}, Users.resolve("33", rootfs));
  }

  @Test
  void unknownUidRunsWithGroupZero() {
    assertArrayEquals(new int[] {1000, 0}, Users.resolve("1000", rootfs));
  }

  @Test
  void resolvesGroupWithoutMembersByName() {
    assertArrayEquals(new int[] {33, 65534}, Users.resolve("www-data:nogroup", rootfs));
  }

  @Test
  void resolvesNumericGroup() {
    assertArrayEquals(new int[] {65534, 50}, Users.resolve("nobody:50", rootfs));
  }

  @Test
  void emptyUserIsRoot() {
    assertArrayEquals(new int[] {0, 0}, Users.resolve("", rootfs));
  }

  @Test
  void rejectsUnknownNameInDockersWords() {
    EngineException e = assertThrows(EngineException.class, () -> Users.resolve("alice", rootfs));
    assertEquals("unable to find user alice: no matching entries in passwd file", e.getMessage());
  }

  @Test
  void rejectsUnknownGroupInDockersWords() {
    EngineException e = assertThrows(EngineException.class, () -> Users.resolve("nobody:wheel", rootfs));
    assertEquals("unable to find group wheel: no matching entries in group file", e.getMessage());
  }

  @Test
  void theUsersGroupsInEtcGroupAreItsSupplementaryGroupsAsDockerGivesThem() throws IOException {
    Files.writeString(rootfs.resolve("etc/group"),
        "root:x:0:\nwheel:x:10:root\nstaff:x:50:www-data,bob\naudio:x:29:\nnogroup:x:65534:\n");
    assertEquals(List.of("10"), Users.groups("", List.of(), rootfs), "no user is root, a member of wheel");
    assertEquals(List.of("50"), Users.groups("www-data", List.of(), rootfs));
    assertEquals(List.of("50"), Users.groups("33", List.of(), rootfs), "a uid finds its name");
    assertEquals(List.of(), Users.groups("www-data:audio", List.of(), rootfs), "an explicit group: no others");
    assertEquals(List.of(), Users.groups("4242", List.of(), rootfs));
    assertEquals(List.of("10", "29", "777"), Users.groups("", List.of("audio", "777", "10"), rootfs));
  }

  @Test
  void anUnknownGroupAddIsDockersError() {
    EngineException e = assertThrows(EngineException.class, () -> Users.groups("", List.of("nosuch"), rootfs));
    assertEquals("Unable to find group nosuch: no matching entries in group file", e.getMessage());
  }
}
