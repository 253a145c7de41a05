package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --env-file} read as the docker client reads it. */
class EnvFileTest {
  private static final Function<String, String> ENV = Map.of("HOME", "/home/me")::get;

  @TempDir
  Path workspace;

  @Test
  void passesValuesThroughAndSkipsCommentsAndBlankLines() {
    assertEquals(List.of("A=1", "B= two words ", "C=", "D=x=y"),
        EnvFile.parse("# a comment\nA=1\n\n   \nB= two words \n  C=\n\t# indented comment\nD=x=y\n", ENV));
  }

  @Test
  void bareKeyTakesTheClientsValueOrIsDropped() {
    assertEquals(List.of("HOME=/home/me"), EnvFile.parse("HOME\nNOT_SET\n", ENV));
  }

  @Test
  void dropsByteOrderMarkAndCarriageReturns() {
    assertEquals(List.of("A=1", "B=2"), EnvFile.parse("\uFEFFA=1\r\nB=2\r\n", ENV));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "A B=1|poorly formatted environment: variable 'A B' contains whitespaces",
      "=1|poorly formatted environment: no variable name on line '=1'"})
  void rejectsBadKeysInDockersWords(String line, String message) {
    EngineException e = assertThrows(EngineException.class, () -> EnvFile.parse(line + "\n", ENV));
    assertEquals(message, e.getMessage());
  }

  @Test
  void readsFileRelativeToTheWorkspace() throws Exception {
    Files.writeString(workspace.resolve("app.env"), "MODE=dev\n");
    assertEquals(List.of("MODE=dev"), EnvFile.read("app.env", workspace, ENV));
  }

  @Test
  void missingFileIsDockersOpenError() {
    EngineException e = assertThrows(EngineException.class, () -> EnvFile.read("nosuch.env", workspace, ENV));
    assertEquals("open nosuch.env: no such file or directory", e.getMessage());
  }
}
