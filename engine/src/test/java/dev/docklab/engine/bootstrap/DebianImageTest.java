package dev.docklab.engine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.ImageConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebianImageTest {
  @Test
  void tagsAreTheSuiteTheMajorVersionAndLatest() {
    assertEquals(List.of("bookworm", "12", "latest"), DebianImage.tags("bookworm", "12.11\n"));
    assertEquals(List.of("trixie", "13", "latest"), DebianImage.tags("trixie", "13.0"));
  }

  @Test
  void aSuiteWithNoNumberGetsNoNumberTag() {
    assertEquals(List.of("sid", "latest"), DebianImage.tags("sid", "trixie/sid"));
  }

  @Test
  void debootstrapMakesAMinbaseFromTheMirror() {
    assertEquals(List.of("/usr/sbin/debootstrap", "--variant=minbase", "bookworm", "/d/tmp/root",
        "http://deb.debian.org/debian"),
        DebianImage.command(DebianImage.DEBOOTSTRAP, "http://deb.debian.org/debian", "bookworm", Path.of("/d/tmp/root")));
  }

  @Test
  void itsConfigRunsBashAndItsHistorySaysHowItWasMade() {
    ImageConfig c = DebianImage.config("2026-01-01T00:00:00Z", "http://deb.debian.org/debian", "bookworm");
    assertEquals(List.of("bash"), c.config().cmd());
    assertTrue(c.history().get(0).createdBy().startsWith(
        "debootstrap --variant=minbase bookworm / http://deb.debian.org/debian"), c.history().get(0).createdBy());
  }

  @Test
  void theCatalogueSaysTomcatIsDebiansTomcat10() {
    HubCatalogue.Entry tomcat = TomcatImage.entry();
    assertEquals("tomcat", tomcat.shortName());
    assertTrue(tomcat.description().startsWith("Debian's tomcat10 package"), tomcat.description());
    assertTrue(TomcatImage.DOCKERFILE.contains("EXPOSE 8080"));
    assertTrue(TomcatImage.DOCKERFILE.contains("catalina.sh\", \"run\""), "Tomcat in the foreground");
  }
}
