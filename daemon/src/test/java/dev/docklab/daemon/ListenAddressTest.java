package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
  @Test
  void readsAUnixSocket() {
    ListenAddress a = ListenAddress.parse("unix:///run/docklab/docklab.sock");
    assertEquals(Path.of("/run/docklab/docklab.sock"), a.socket());
    assertTrue(a.loopback());
    assertEquals("unix:///run/docklab/docklab.sock", a.toString());
  }

  @Test
  void readsLoopbackTcp() {
    ListenAddress a = ListenAddress.parse("tcp://127.0.0.1:2375");
    assertEquals("127.0.0.1", a.host());
    assertEquals(2375, a.port());
    assertTrue(a.loopback());
  }

  @Test
  void everyAddressIsNotLoopback() {
    assertFalse(ListenAddress.parse("tcp://0.0.0.0:2375").loopback());
    assertFalse(ListenAddress.parse("tcp://:2375").loopback());
  }

  @Test
  void refusesOtherProtocolsInDockerdsWords() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("fd://"));
    assertEquals("invalid bind address (fd://): unsupported protocol (unix:// or tcp://)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("tcp://127.0.0.1:http"));
  }
}
