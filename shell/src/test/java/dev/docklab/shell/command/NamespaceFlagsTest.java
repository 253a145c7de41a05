package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Namespaces;
import dev.docklab.shell.cli.FlagParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code docker run}'s namespace and network-identity flags, parsed and refused as the docker client does. */
class NamespaceFlagsTest {
  private static Namespaces read(String... argv) {
    return NamespaceFlags.read(FlagParser.parse("docker run", NamespaceFlags.options(), false, List.of(argv)), null);
  }

  @Test
  void everyFlagLandsInItsField() {
    Namespaces n = read("--pid", "container:db", "--ipc", "shareable", "--uts", "host", "--cgroupns", "private",
        "--dns", "1.1.1.1", "--dns", "2001:4860:4860:0:0:0:0:8888", "--dns-search", "example.com",
        "--dns-option", "ndots:2", "--add-host", "db:10.0.0.5", "--add-host", "gw=host-gateway",
        "--network-alias", "api", "--ip", "10.89.0.9", "--ip6", "2001:db8::33", "--mac-address", "02:42:ac:11:00:09",
        "--link", "db:mydb", "--link-local-ip", "169.254.1.1", "--domainname", "example.org", "--init", "busybox");
    assertEquals("container:db", n.pidMode());
    assertEquals("shareable", n.ipcMode());
    assertEquals("host", n.utsMode());
    assertEquals("private", n.cgroupnsMode());
    assertEquals(List.of("1.1.1.1", "2001:4860:4860::8888"), n.dns(), "as the client prints an address");
    assertEquals(List.of("example.com"), n.dnsSearch());
    assertEquals(List.of("ndots:2"), n.dnsOptions());
    assertEquals(List.of("db:10.0.0.5", "gw=host-gateway"), n.extraHosts());
    assertEquals(List.of("api"), n.aliases());
    assertEquals("10.89.0.9", n.ipv4Address());
    assertEquals("2001:db8::33", n.ipv6Address());
    assertEquals("02:42:ac:11:00:09", n.macAddress());
    assertEquals(List.of("db:mydb"), n.links());
    assertEquals(List.of("169.254.1.1"), n.linkLocalIps());
    assertEquals("example.org", n.domainname());
    assertTrue(n.init());
    assertEquals(Namespaces.NONE, read("busybox"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--pid|foo|--pid: invalid PID mode",
      "--pid|container:|--pid: invalid PID mode",
      "--uts|private|--uts: invalid UTS mode",
      "--cgroupns|shared|--cgroupns: invalid CGROUP mode",
      "--dns|8.8.8|invalid argument \"8.8.8\" for \"--dns\" flag: IP address is not correctly formatted: 8.8.8",
      "--dns|dns.google|invalid argument \"dns.google\" for \"--dns\" flag: IP address is not correctly formatted: "
          + "dns.google",
      "--dns-search|-bad.com|invalid argument \"-bad.com\" for \"--dns-search\" flag: -bad.com is not a valid domain",
      "--add-host|nohost|invalid argument \"nohost\" for \"--add-host\" flag: bad format for add-host: \"nohost\"",
      "--add-host|db:10.0.0|invalid argument \"db:10.0.0\" for \"--add-host\" flag: invalid IP address in add-host: "
          + "\"10.0.0\"",
      "--mac-address|02:42:zz:11:00:09|02:42:zz:11:00:09 is not a valid mac address",
      "--link|a:b:c|invalid argument \"a:b:c\" for \"--link\" flag: bad format for links: a:b:c",
  })
  void badValuesGetTheClientsLine(String flag, String value, String error) {
    EngineException e = assertThrows(EngineException.class, () -> read(flag, value, "busybox"));
    assertEquals(error, e.getMessage());
  }

  @Test
  void theDaemonsModesAreLeftToTheDaemon() {
    // as the docker client, which leaves --ipc to the daemon ("invalid IPC mode: foo")
    assertEquals("foo", read("--ipc", "foo", "busybox").ipcMode());
    assertEquals(".", read("--dns-search", ".", "busybox").dnsSearch().get(0));
  }
}
