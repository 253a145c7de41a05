package dev.docklab.shell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
  @TempDir
  Path dir;

  @Test
  void findsTheFirstExecutableOnThePathAsAShellDoes() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("docker"), "not executable");
    Path real = Files.writeString(b.resolve("docker"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(a.resolve("tool"));
    assertEquals(Optional.of(real), Executables.onPath("docker", a + "::" + b));
    assertTrue(Executables.onPath("tool", a.toString()).isEmpty(), "a directory is no program");
    assertTrue(Executables.onPath("docker", null).isEmpty());
    assertTrue(Executables.onPath("b/docker", dir.toString()).isEmpty(), "a path is not looked up");
  }
}
