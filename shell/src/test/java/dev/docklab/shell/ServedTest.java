package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServedTest {
  @Test
  void namesAClientByItsProgramAndArguments() {
    assertEquals("docker events", Served.shorten("/usr/local/bin/docker events"));
    assertEquals("docker ps -q (PID 42)", Served.client("docker ps -q", 42));
    assertEquals("docklab --data-root /tmp/x", Served.shorten(
        "java -XX:SharedArchiveFile=/w/shell/target/docklab.jsa -jar /w/shell/target/docklab.jar --data-root /tmp/x"));
    assertEquals("?", Served.shorten(""));
  }

  @Test
  void cutsALongCommandLineAtFortyColumns() {
    String cut = Served.shorten("docker inspect " + "a".repeat(64));
    assertEquals(40, cut.length());
    assertEquals("docker inspect " + "a".repeat(24) + "…", cut);
  }
}
