package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchViewTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);
  private static final ApiSocket SERVED = new ApiSocket("/run/docklab/docklab.sock", "rw-rw----", "root", "docklab",
      1234, List.of(new ApiSocket.Client(4242, "docker events"), new ApiSocket.Client(4250, "docklab")));

  @Test
  void drawsTheSocketItsModeTheDaemonAndEachClientConnectedNow() {
    List<String> lines = ArchView.api(SERVED, EN, 80);
    assertEquals(List.of(
        "The remote API, served now: the Docker Engine API, HTTP on a Unix socket, as",
        "dockerd serves /var/run/docker.sock. Each docker command is a client process",
        "that connects, asks and hangs up.",
        "  socket   /run/docklab/docklab.sock",
        "           srw-rw---- root:docklab: connecting takes write permission on it, so",
        "             only root and the group docklab may (as Docker's group docker)",
        "  daemon   PID 1234, this process: the REPL, the engine and the API server in",
        "           one JVM",
        "  clients  docker events (PID 4242)",
        "           docklab (PID 4250)",
        "From another terminal: DOCKER_HOST=unix:///run/docklab/docklab.sock docker ps"), lines);
  }

  @Test
  void saysWhenNoClientIsConnectedAndWhenNothingIsServed() {
    String none = String.join(" ", ArchView.api(new ApiSocket("/tmp/d.sock", "rw-rw----", "root", "docklab", 1,
        List.of()), EN, 80)).replaceAll(" +", " ");
    assertTrue(none.contains("clients none connected now (a docker command is connected only while it runs; docker "
        + "events stays)"), none);
    String off = String.join(" ", ArchView.api(null, EN, 80)).replaceAll(" +", " ");
    assertTrue(off.startsWith("The Docker Engine API is not served now: there is no socket"), off);
    assertTrue(!off.contains("PID"), "nothing drawn that does not run: " + off);
  }

  @Test
  void fitsTheWidthInBothLanguages() {
    for (Messages m : List.of(EN, ZH)) {
      for (int width : new int[] {60, 80}) {
        for (ApiSocket s : new ApiSocket[] {SERVED, null}) {
          for (String l : ArchView.api(s, m, width)) {
            assertTrue(Text.width(l) <= width, "too wide: " + l);
          }
        }
      }
    }
    List<String> zh = ArchView.api(SERVED, ZH, 80);
    assertTrue(zh.contains("  客户端    docker events（PID 4242）"), zh.toString());
    assertTrue(zh.contains("  守护进程  PID 1234，就是这个进程：REPL、引擎和 API 服务端在同一个 JVM 里"), zh.toString());
  }
}
