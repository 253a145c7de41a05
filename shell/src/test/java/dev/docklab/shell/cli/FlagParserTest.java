package dev.docklab.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagParserTest {
  static final List<Option> RUN = List.of(
      Option.bool("rm", '\0', "k"), Option.value("name", '\0', "string", "k"),
      Option.value("memory", 'm', "bytes", "k"), Option.bool("interactive", 'i', "k"),
      Option.bool("tty", 't', "k"), Option.value("env", 'e', "list", "k"));

  private static Args run(String... argv) {
    return FlagParser.parse("docker run", RUN, false, List.of(argv));
  }

  @Test
  void longFlagsWithSpaceOrEquals() {
    Args a = run("--name", "web", "--memory=64m", "busybox");
    assertEquals("web", a.value("name", null));
    assertEquals("64m", a.value("memory", null));
    assertEquals(List.of("busybox"), a.positionals());
  }

  @ParameterizedTest
  @CsvSource({"-m64m, 64m", "-m=64m, 64m"})
  void shortValueAttached(String flag, String value) {
    assertEquals(value, run(flag, "busybox").value("memory", null));
  }

  @Test
  void combinedShortFlags() {
    Args a = run("-it", "busybox", "sh");
    assertTrue(a.has("interactive"));
    assertTrue(a.has("tty"));
  }

  @Test
  void combinedShortFlagsEndingInAValue() {
    Args a = run("-im", "64m", "busybox");
    assertTrue(a.has("interactive"));
    assertEquals("64m", a.value("memory", null));
  }

  @Test
  void flagsAfterTheImageBelongToTheContainer() {
    Args a = run("--rm", "busybox", "ls", "-l", "--name", "x");
    assertTrue(a.has("rm"));
    assertFalse(a.has("name"));
    assertEquals(List.of("busybox", "ls", "-l", "--name", "x"), a.positionals());
  }

  @Test
  void repeatableValues() {
    assertEquals(List.of("A=1", "B=2"), run("-e", "A=1", "--env", "B=2", "busybox").values("env"));
  }

  @Test
  void boolFlagSetToFalse() {
    assertFalse(run("--rm=false", "busybox").has("rm"));
  }

  @Test
  void interspersedCommandsTakeFlagsAnywhere() {
    Args a = FlagParser.parse("docker rm", List.of(Option.bool("force", 'f', "k")), true, List.of("a", "-f", "b"));
    assertTrue(a.has("force"));
    assertEquals(List.of("a", "b"), a.positionals());
  }

  @Test
  void doubleDashEndsFlags() {
    Args a = FlagParser.parse("docker rm", List.of(Option.bool("force", 'f', "k")), true, List.of("--", "-f"));
    assertEquals(List.of("-f"), a.positionals());
  }

  @Test
  void unknownFlagsInDockersWords() {
    assertEquals("unknown flag: --frob", assertThrows(UsageException.class, () -> run("--frob", "x")).getMessage());
    assertEquals("unknown shorthand flag: 'z' in -iz",
        assertThrows(UsageException.class, () -> run("-iz", "x")).getMessage());
  }

  @Test
  void missingValuesInDockersWords() {
    assertEquals("flag needs an argument: --name", assertThrows(UsageException.class, () -> run("--name")).getMessage());
    assertEquals("flag needs an argument: 'm' in -m", assertThrows(UsageException.class, () -> run("-m")).getMessage());
  }

  @Test
  void argumentCountsInDockersWords() {
    UsageException e = assertThrows(UsageException.class, () -> run().requireAtLeast(1));
    assertEquals("\"docker run\" requires at least 1 argument.", e.getMessage());
    assertEquals("docker run", e.command());
  }

  @Test
  void badIntegerInPflagsWords() {
    Args a = FlagParser.parse("docker ps", List.of(Option.value("last", 'n', "int", "k")), true, List.of("-n", "x"));
    assertEquals("invalid argument \"x\" for \"--last\" flag: strconv.ParseInt: parsing \"x\": invalid syntax",
        assertThrows(UsageException.class, () -> a.intValue("last", 0)).getMessage());
  }
}
