package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.RunRefusals;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.FlagParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the docker client does itself around {@code run}: env, label files, pull policy, cidfile, -a, refusals. */
class RunClientTest {
  @TempDir
  Path dir;

  private static Args args(String... argv) {
    return FlagParser.parse("run", ContainerCommands.run().options(), false, List.of(argv));
  }

  @Test
  void bareEnvKeysComeFromTheClientsEnvironmentOrAreDropped() {
    Map<String, String> env = Map.of("HOME", "/home/me");
    assertEquals(List.of("A=1", "HOME=/home/me"), RunClient.env(List.of("A=1", "HOME", "UNSET"), env::get));
  }

  @Test
  void labelFilesComeBeforeLabels() throws Exception {
    Files.writeString(dir.resolve("labels"), "# team\nteam=blue\n\nstage\n");
    assertEquals(List.of("team=blue", "stage", "team=red"),
        RunClient.labels(args("--label-file", "labels", "-l", "team=red", "busybox"), dir));
  }

  @Test
  void clientChecksInDockersWords() throws Exception {
    assertEquals("invalid pull option: 'sometimes': must be one of \"always\", \"missing\" or \"never\"",
        assertThrows(EngineException.class, () -> RunClient.check(args("--pull", "sometimes", "busybox"), false, dir))
            .getMessage());
    assertEquals("Conflicting options: -a and -d", assertThrows(EngineException.class,
        () -> RunClient.check(args("-a", "stdout", "-d", "busybox"), true, dir)).getMessage());
    assertTrue(assertThrows(EngineException.class, () -> RunClient.check(args("-a", "stdweird", "busybox"), false,
        dir)).getMessage().endsWith("valid streams are STDIN, STDOUT and STDERR"));
    Files.writeString(dir.resolve("cid"), "x");
    assertEquals("container ID file found, make sure the other container isn't running or delete cid",
        assertThrows(EngineException.class, () -> RunClient.check(args("--cidfile", "cid", "busybox"), false, dir))
            .getMessage());
    RunClient.writeCidFile(args("--cidfile", "new", "busybox"), "abc", dir);
    assertEquals("abc", Files.readString(dir.resolve("new")));
    assertTrue(RunClient.attached(args("busybox"), 2));
    assertFalse(RunClient.attached(args("-a", "STDOUT", "busybox"), 2));
  }

  @Test
  void theDaemonsAnswersForWhatItLacks() {
    assertEquals("Invalid isolation: \"hyperv\" - linux only supports 'default'",
        assertThrows(EngineException.class, () -> RunRefusals.isolation("hyperv")).getMessage());
    RunRefusals.isolation("default");
    assertEquals("could not select device driver \"\" with capabilities: [[gpu]]",
        assertThrows(EngineException.class, () -> RunRefusals.gpus(true)).getMessage());
    assertEquals("unknown or invalid runtime name: kata",
        assertThrows(EngineException.class, () -> RunRefusals.runtime("kata", "runc")).getMessage());
    RunRefusals.runtime("runc", "runc");
    RunRefusals.platform("linux/amd64", "busybox", true);
    assertEquals("image with reference busybox was found but does not match the specified platform: wanted "
        + "linux/arm64, actual: linux/amd64", assertThrows(EngineException.class,
            () -> RunRefusals.platform("linux/arm64", "busybox", true)).getMessage());
    assertEquals("\"foo\": unknown operating system or architecture: invalid argument",
        assertThrows(EngineException.class, () -> RunRefusals.platform("foo", "busybox", true)).getMessage());
  }
}
