package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EtcFilesTest {
  @Test
  void hostsNamesTheContainerAtItsAddress() {
    String hosts = EtcFiles.hosts("d1902355b890", "172.17.0.2");
    assertTrue(hosts.startsWith("127.0.0.1\tlocalhost\n"), hosts);
    assertTrue(hosts.endsWith("\n172.17.0.2\td1902355b890\n"), hosts);
    assertTrue(!EtcFiles.hosts("x", "").contains("\tx\n"), "no address, no line");
  }

  @Test
  void resolvConfDropsTheHostsLoopbackNameservers() {
    assertEquals("search lan\nnameserver 10.0.0.53\n",
        EtcFiles.resolvConf("# made by hand\nsearch lan\nnameserver 127.0.0.53\nnameserver 10.0.0.53\n")
            .replace("# made by hand\n", ""));
    assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", EtcFiles.resolvConf("nameserver 127.0.0.53\n"));
  }
}
