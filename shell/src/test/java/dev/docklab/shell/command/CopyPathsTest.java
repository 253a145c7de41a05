package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyPathsTest {
  @ParameterizedTest
  @CsvSource({"box:/etc/hosts, box, /etc/hosts", "/abs:name, , /abs:name", "./file:name, , ./file:name",
      "plain, , plain", "box:, box, ''"})
  void operandsSplitAtTheFirstColonUnlessExplicitlyLocal(String arg, String container, String path) {
    CopyPaths.Operand o = CopyPaths.Operand.parse(arg);
    assertEquals(container, o.container());
    assertEquals(path, o.path());
  }

  @ParameterizedTest
  @CsvSource({"/a/b/., /a/b, .", "/a/b/, /a, b", "/a/b, /a, b", "/, /, /", "a, ., a"})
  void splitKeepsACurrentDirBase(String path, String dir, String base) {
    assertArrayEquals(new String[] {dir, base}, CopyPaths.splitPathDirEntry(path));
  }

  @Test
  void aDirectoryIntoAMissingDestinationTakesItsName() {
    CopyPaths.Prepared p = CopyPaths.prepare(new CopyPaths.Info("/data", true, true, ""),
        new CopyPaths.Info("/host/fresh", false, false, ""));
    assertEquals(new CopyPaths.Prepared("/host", "data", "fresh"), p);
    assertEquals("fresh/sub/two", CopyPaths.rename("data/sub/two", p.from(), p.to()));
  }

  @Test
  void intoAnExistingDirectoryNothingIsRenamed() {
    CopyPaths.Prepared p = CopyPaths.prepare(new CopyPaths.Info("/data/.", true, true, ""),
        new CopyPaths.Info("/host/dir", true, true, ""));
    assertEquals("/host/dir", p.dstDir());
    assertNull(p.from());
  }

  @Test
  void dockersErrorsForImpossibleCopies() {
    assertEquals("cannot copy directory", assertThrows(IllegalArgumentException.class, () -> CopyPaths.prepare(
        new CopyPaths.Info("/data", true, true, ""), new CopyPaths.Info("/f", true, false, ""))).getMessage());
    assertEquals("no such directory", assertThrows(IllegalArgumentException.class, () -> CopyPaths.prepare(
        new CopyPaths.Info("/f", true, false, ""), new CopyPaths.Info("/nodir/", false, false, ""))).getMessage());
  }

  @Test
  void trailingDotAndSlashAreKept() {
    assertEquals("/w/dir/.", CopyPaths.preserveTrailingDotOrSeparator("/w/dir", "dir/."));
    assertEquals("/w/dir/", CopyPaths.preserveTrailingDotOrSeparator("/w/dir", "dir/"));
  }
}
