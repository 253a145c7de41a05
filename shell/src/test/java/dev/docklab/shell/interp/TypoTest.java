package dev.docklab.shell.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypoTest {
  private static final List<String> WORDS = List.of("docker", "ps", "images", "explain", "run", "exit");
  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  @Test
  void swapsDropsAndDoublesAreSlips() {
    assertEquals("docker", Typo.meant("dcoker", WORDS, PATH));
    assertEquals("docker", Typo.meant("doker", WORDS, PATH));
    assertEquals("docker", Typo.meant("dockerr", WORDS, PATH));
    assertEquals("images", Typo.meant("imgaes", WORDS, PATH));
    assertEquals(1, Typo.distance("dcoker", "docker"));
  }

  @Test
  void programsOnThePathShellWordsAndFarWordsAreNot() {
    assertNull(Typo.meant("ls", WORDS, PATH), "ls is a program");
    assertNull(Typo.meant("sh", WORDS, PATH));
    assertNull(Typo.meant("exec", WORDS, PATH), "a word of the shell");
    assertNull(Typo.meant("kubectl", WORDS, PATH));
    assertNull(Typo.meant("docker", WORDS, PATH), "the word itself");
    assertNull(Typo.meant("./run", WORDS, PATH));
  }
}
