package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two data roots on one host share its ports: a host port that one root publishes is refused to the
 * other with Docker's message, as is a port a host program listens on.
 */
class DataRootsIT {
  static Transcript a;
  static Transcript b;

  @BeforeAll
  static void setUp() throws Exception {
    a = new Transcript(Files.createTempDirectory("docklab-roots-a-"));
    b = new Transcript(Files.createTempDirectory("docklab-roots-b-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    for (Transcript t : List.of(a, b)) {
      t.destroy();
      assertTrue(Mounts.under(t.root).isEmpty());
    }
  }

  @Test
  void aHostPortPublishedFromOneDataRootIsRefusedToAnother() throws Exception {
    int port = NetworkIT.freePort();
    assertEquals(0, a.run("docker run -d -p " + port + ":80 --name wa web").status());
    for (String spec : List.of(port + ":80", "127.0.0.1:" + port + ":80")) {
      Transcript.Result taken = b.run("docker create -p " + spec + " --name wb web");
      assertEquals(0, taken.status(), taken.err());
      Transcript.Result start = b.run("docker start wb");
      assertEquals(1, start.status(), start.out());
      String shown = spec.startsWith("127.") ? "127.0.0.1" : "0.0.0.0";
      assertTrue(start.err().contains("Bind for " + shown + ":" + port + " failed: port is already allocated"),
          start.err());
      assertEquals("created\n", b.run("docker inspect -f '{{.State.Status}}' wb").out());
      b.run("docker rm wb");
    }
    assertTrue(NetworkIT.getSoon("127.0.0.1", port).contains("docklab's web image"));
    assertTrue(a.run("docker logs wa").err().contains("response:200"), "the first root's container answered");

    a.run("docker rm -f wa");
    assertEquals(0, b.run("docker run -d -p " + port + ":80 --name wb web").status(), "released: the port is free");
    assertTrue(NetworkIT.getSoon("127.0.0.1", port).contains("docklab's web image"));
    b.run("docker rm -f wb");
  }

  @Test
  void aPortAHostProgramListensOnIsRefused() throws Exception {
    try (ServerSocket local = new ServerSocket()) {
      local.bind(new InetSocketAddress("127.0.0.1", 0));
      Transcript.Result r = b.run("docker run -d -p " + local.getLocalPort() + ":80 --name busy web");
      assertEquals(125, r.status());
      assertTrue(r.err().contains("Bind for 0.0.0.0:" + local.getLocalPort() + " failed: port is already allocated"),
          r.err());
      b.run("docker rm busy");
    }
  }
}
