package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  @Test
  void paintsTitlesWinnersAndDeletionsOnATerminal() {
    assertEquals("\033[1mTitle\033[0m", ExplainCommand.paint("Title", true));
    assertEquals("\033[32m▶  layer\033[0m", ExplainCommand.paint("▶  layer", false));
    assertEquals("\033[31m[cow web] DELETE  /x\033[0m", ExplainCommand.paint("[cow web] DELETE  /x", false));
    assertEquals("  plain line", ExplainCommand.paint("  plain line", false));
  }
}
