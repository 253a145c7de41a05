package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docklab's own wording of a failure goes through {@link EngineMessage}, so that the shell can say it in zh too. */
class OwnWordingTest {
  /** How docklab's own failures begin; Docker's own lines (No such image, invalid reference format...) stay literal. */
  private static final Pattern OWN = Pattern.compile(
      "EngineException\\.(invalid|notFound|conflict|system)\\(\\s*\"(could not (?!get container for )"
          + "|cannot (?!join (network namespace|PID|IPC) of a non running container)"
          + "|interrupted|invalid archive|unknown storage driver|short image id|blob |layer |the (image|manifest|token)"
          + "|invalid (network name|subnet|container status)|every subnet|no docklab engine)");

  @Test
  void noFailureInDocklabsOwnWordsIsAnEnglishLiteral() throws IOException {
    List<String> literal = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = OWN.matcher(Files.readString(f));
        while (m.find()) {
          literal.add(f.getFileName() + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), literal);
  }

  @Test
  void anUnknownStorageDriverIsSaidByKey() {
    EngineException e = assertThrows(EngineException.class, () -> StorageDriverName.of("zfs"));
    assertEquals(EngineMessage.STORAGE_DRIVER_UNKNOWN, e.said());
    assertEquals("unknown storage driver \"zfs\": choose overlay2 or vfs", e.getMessage());
  }
}
