package dev.docklab.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.PortMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderTest {
  @ParameterizedTest(name = "{0}s = {1}")
  @CsvSource({"0, Less than a second", "1, 1 second", "59, 59 seconds", "60, About a minute",
      "150, 2 minutes", "3600, About an hour", "7200, 2 hours", "172800, 2 days", "1209600, 2 weeks",
      "5184000, 2 months", "63072000, 2 years"})
  void durationsLikeGoUnits(long seconds, String text) {
    assertEquals(text, Human.duration(Duration.ofSeconds(seconds)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"0, 0B", "999, 999B", "1000, 1kB", "1982256, 1.98MB", "4261000, 4.26MB", "123456789, 123MB",
      "5000000000, 5GB"})
  void sizesLikeGoUnits(long bytes, String text) {
    assertEquals(text, Human.size(bytes));
  }

  @Test
  void systemDfSummaryIsLaidOutAsDockers() {
    DiskUsage du = new DiskUsage(new DiskUsage.Summary(5, 2, 16_432_100, 11_630_000),
        new DiskUsage.Summary(2, 0, 72, 72), new DiskUsage.Summary(1, 1, 0, 0), new DiskUsage.Summary(0, 0, 0, 0),
        List.of(), List.of(), List.of());
    assertEquals(List.of(
        "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE",
        "Images          5         2         16.43MB   11.63MB (70%)",
        "Containers      2         0         72B       72B (100%)",
        "Local Volumes   1         1         0B        0B",
        "Build Cache     0         0         0B        0B"), DiskUsageRows.summary(du));
  }

  @Test
  void binarySizesForMemory() {
    assertEquals("23.54GiB", Human.binarySize(25275072512L));
  }

  @Test
  void tableColumnsArePaddedByThreeSpacesToAtLeastTen() {
    assertEquals(List.of("A         BB        C", "xyz       y         z"),
        Table.render(List.of("A", "BB", "C"), List.of(List.of("xyz", "y", "z"))));
    assertEquals(List.of("CONTAINER ID   NAMES", "abc            web"),
        Table.render(List.of("CONTAINER ID", "NAMES"), List.of(List.of("abc", "web"))));
  }

  @Test
  void withinAWidthATableKeepsDockersLayoutWhenItFits() {
    assertEquals(Table.render(List.of("A", "BB", "C"), List.of(List.of("xyz", "y", "z"))),
        Table.render(List.of("A", "BB", "C"), List.of(List.of("xyz", "y", "z")), 80));
  }

  @Test
  void tooWideATableClosesUpAndWrapsItsLastColumnAtWords() {
    assertEquals(List.of(
        "#  ID     TITLE",
        "1  light  Why a container is",
        "          light",
        "2  ports  端口映射"),
        Table.render(List.of("#", "ID", "TITLE"), List.of(List.of("1", "light", "Why a container is light"),
            List.of("2", "ports", "端口映射")), 30));
  }

  @Test
  void withTooLittleRoomTheLastColumnGoesUnderItsRow() {
    assertEquals(List.of(
        "#  ID",
        "1  light",
        "    Why a container",
        "    is light"),
        Table.render(List.of("#", "ID", "TITLE"), List.of(List.of("1", "light", "Why a container is light")), 20));
  }

  @Test
  void chineseTakesTwoColumns() {
    assertEquals(List.of("名称      X", "ab        y"), Table.render(List.of("名称", "X"), List.of(List.of("ab", "y"))));
    assertEquals(List.of("名称名称名称   X", "ab             y"),
        Table.render(List.of("名称名称名称", "X"), List.of(List.of("ab", "y"))));
  }

  @Test
  void psRowsMatchDockersLayout() {
    Instant now = Instant.parse("2026-11-27T10:10:00Z");
    Container exited = new Container("a".repeat(64), "clock", "2026-11-27T10:00:00Z", "busybox", "sha256:x",
        "sh", List.of("-c", "while true; do date; sleep 2; done"), List.of(), "/", "", "overlay2",
        new Container.HostConfig(0, 0, false, null),
        new Container.State(ContainerStatus.EXITED, 0, 137, "", "2026-11-27T10:00:01Z", "2026-11-27T10:05:00Z", 0, false),
        false, false, 0);
    Container running = new Container("b".repeat(64), "web", "2026-11-27T10:09:00Z", "busybox:1.35", "sha256:x",
        "top", List.of(), List.of(), "/", "", "overlay2", new Container.HostConfig(0, 0, false, null),
        new Container.State(ContainerStatus.RUNNING, 42, 0, "", "2026-11-27T10:09:30Z", null, 7, false), false, false, 0);
    assertEquals(List.of(
        "CONTAINER ID   IMAGE          COMMAND                  CREATED              STATUS                       PORTS     NAMES",
        "bbbbbbbbbbbb   busybox:1.35   \"top\"                    About a minute ago   Up 30 seconds                          web",
        "aaaaaaaaaaaa   busybox        \"sh -c while true; d…\"   10 minutes ago       Exited (137) 5 minutes ago             clock"),
        ContainerRows.render(List.of(running, exited), false, now));
  }

  @Test
  void portsShowAsDockerPsShowsThem() {
    Container.State up = new Container.State(ContainerStatus.RUNNING, 42, 0, "", "2026-11-27T10:09:30Z", null, 7, false);
    var ports = List.of(new PortMapping("", 8001, 81, "tcp"), new PortMapping("", 8000, 80, "tcp"),
        new PortMapping("127.0.0.1", 5353, 53, "udp"));
    var endpoint = new Endpoint("bridge", "/run/netns/x", "172.17.0.2", 16, "172.17.0.1", "", "veth0", ports, null);
    Container web = new Container("c".repeat(64), "web", "2026-11-27T10:09:00Z", "web", "sha256:x", "httpd",
        List.of(), List.of(), "/", "", "overlay2", new Container.HostConfig(0, 0, false, null), up, false, false, 0,
        List.of(), List.of("80/tcp", "81/tcp", "443/tcp", "53/udp"), endpoint);
    assertEquals("0.0.0.0:8000-8001->80-81/tcp, 127.0.0.1:5353->53/udp, 443/tcp", ContainerRows.ports(web));
    assertEquals("", ContainerRows.ports(web.withState(up.withStatus(ContainerStatus.EXITED))), "not running: nothing");
  }
}
