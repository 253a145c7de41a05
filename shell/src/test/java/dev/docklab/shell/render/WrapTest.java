package dev.docklab.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {
  @Test
  void breaksAtSpacesWithinTheWidthAndLosesNoWord() {
    String text = "A container has its own network namespace: its port 80 is not this machine's port 80.";
    List<String> lines = Wrap.lines(text, "", 30);
    assertEquals(List.of("A container has its own", "network namespace: its port 80", "is not this machine's port 80."),
        lines);
    assertEquals(text, String.join(" ", lines));
  }

  @Test
  void aLineMayBeExactlyTheWidth() {
    assertEquals(List.of("abcd efgh", "ij"), Wrap.lines("abcd efgh ij", "", 9));
  }

  @Test
  void chineseTakesTwoColumnsAndBreaksBetweenCharacters() {
    assertEquals(List.of("容器有自己的", "网络命名空间"), Wrap.lines("容器有自己的网络命名空间", "", 12));
    assertEquals(List.of("容器 web 有", "自己的网络"), Wrap.lines("容器 web 有自己的网络", "", 11));
  }

  @Test
  void punctuationStaysWithItsCharacterAndABracketWithWhatItOpens() {
    assertEquals(List.of("一二三四，", "五六"), Wrap.lines("一二三四，五六", "", 10));
    assertEquals(List.of("一二三", "四，五六"), Wrap.lines("一二三四，五六", "", 8));
    assertEquals(List.of("一二三", "（四）"), Wrap.lines("一二三（四）", "", 8));
    assertEquals(List.of("用 web。", "好"), Wrap.lines("用 web。好", "", 8));
  }

  @Test
  void aHangingIndentForTheLinesAfterTheFirst() {
    assertEquals(List.of("  [ ] not yet: a", "      container of", "      image web"),
        Wrap.lines("[ ] not yet: a container of image web", "  ", "      ", 18));
  }

  @Test
  void aWordWiderThanTheLineGetsALineOfItsOwnUncut() {
    assertEquals(List.of("see", "http://localhost:8080/index.html", "now"),
        Wrap.lines("see http://localhost:8080/index.html now", "", 12));
  }

  @Test
  void aParagraphBreakStartsANewLine() {
    assertEquals(List.of("one", "", "two"), Wrap.lines("one\n\ntwo", "", 20));
  }

  @Test
  void aCommandBreaksOnlyOutsideQuotesWithABackslashSoItStillTypesAsOne() {
    List<String> lines = Wrap.command("docker run -d --name web sh -c 'while true; do date; sleep 1; done'", "  ",
        30);
    assertEquals(List.of("  docker run -d --name web \\", "    sh -c \\",
        "    'while true; do date; sleep 1; done'"), lines);
    assertEquals(List.of("  docker ps"), Wrap.command("docker ps", "  ", 30));
    for (String l : Wrap.command("docker run -d -p 8080:80 --name web web", "", 20)) {
      assertTrue(Text.width(l) <= 20, l);
    }
  }
}
