package dev.docklab.lessons.mistake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a docker line the detectors look at. */
class DockerLineTest {
  @Test
  void flagsAndTheirValuesComeBeforeTheOperands() {
    DockerLine d = DockerLine.parse("docker container run -d -p 8080:80 --name 'my site' -it web sh -c 'echo hi'");
    assertEquals("run", d.command());
    assertEquals(List.of("my site"), d.values("--name"));
    assertEquals(List.of("web", "sh", "-c", "echo hi"), d.operands());
    assertEquals(List.of("web"), DockerLine.parse("run --name=x web; echo").operands());
    assertNull(DockerLine.parse("docker"));
  }
}
