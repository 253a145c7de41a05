package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Namespaces;
import java.util.List;
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

  private static Namespaces dns(List<String> servers, List<String> search, List<String> options) {
    return new Namespaces(null, null, null, null, servers, search, options, null, null, null, null, null, false,
        null, null, null);
  }

  @Test
  void dnsFlagsReplaceTheLinesOfTheirKindAsDockerDoes() {
    String host = "# host\nnameserver 10.0.0.53\nsearch lan\noptions edns0\n";
    assertEquals(host, EtcFiles.resolvConf(host, Namespaces.NONE), "no flag: the file as it was");
    assertEquals("# host\nnameserver 1.1.1.1\nnameserver 9.9.9.9\nsearch lan\noptions edns0\n",
        EtcFiles.resolvConf(host, dns(List.of("1.1.1.1", "9.9.9.9"), null, null)));
    assertEquals("# host\nnameserver 10.0.0.53\nsearch example.com corp\noptions ndots:2 timeout:1\n",
        EtcFiles.resolvConf(host, dns(null, List.of("example.com", "corp"), List.of("ndots:2", "timeout:1"))));
    assertEquals("# host\nnameserver 10.0.0.53\noptions edns0\n",
        EtcFiles.resolvConf(host, dns(null, List.of("."), null)), "--dns-search . means no search domain");
  }

  @Test
  void extraHostsComeBeforeTheContainersOwnLineWhichCarriesItsDomain() {
    String hosts = EtcFiles.hosts("web", "example.org", "172.17.0.2",
        List.of(EtcFiles.extraHost("db:10.0.0.5", "172.17.0.1"), EtcFiles.extraHost("gw=host-gateway", "172.17.0.1"),
            EtcFiles.extraHost("v6:[2001:db8::1]", "172.17.0.1")));
    assertTrue(hosts.endsWith("ff02::2\tip6-allrouters\n10.0.0.5\tdb\n172.17.0.1\tgw\n2001:db8::1\tv6\n"
        + "172.17.0.2\tweb.example.org web\n"), hosts);
  }
}
