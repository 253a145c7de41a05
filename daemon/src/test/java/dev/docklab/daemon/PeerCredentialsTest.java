package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerCredentialsTest {
  private final long self = ProcessHandle.current().pid();

  @Test
  void theKernelNamesTheProcessAtTheOtherEndOfAUnixSocket(@TempDir Path dir) throws Exception {
    assertTrue(PeerCredentials.available(), "the build exports sun.nio.ch to the tests (argLine)");
    Path path = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
          SocketChannel accepted = server.accept()) {
        Peer p = PeerCredentials.of(accepted);
        assertEquals(self, p.pid());
        assertEquals(0, p.uid(), "root runs the tests");
        assertTrue(p.command().contains("java"), p.command());
        assertTrue(client.isConnected());
      }
    }
    Files.deleteIfExists(path);
  }

  @Test
  void aChildsLineageLeadsBackHereAndEndsWhenItEnds() throws Exception {
    Process child = new ProcessBuilder("sleep", "30").start();
    try {
      Peer p = Peer.of(child.pid(), 0);
      assertEquals("sleep 30", p.command());
      assertEquals(child.pid(), p.lineage().get(0));
      assertTrue(p.descendsFrom(self), p.lineage().toString());
      assertTrue(p.running());
      assertFalse(Peer.of(self, 0).descendsFrom(child.pid()));
    } finally {
      child.destroy();
      child.waitFor(5, TimeUnit.SECONDS);
    }
    assertFalse(Peer.of(child.pid(), 0).running(), "gone");
    assertTrue(Peer.unknown().running() && !Peer.unknown().descendsFrom(self));
  }
}
