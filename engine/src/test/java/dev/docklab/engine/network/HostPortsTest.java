package dev.docklab.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.PortMapping;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostPortsTest {
  static final String RULES = """
      -N CNI-HOSTPORT-DNAT
      -A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"docklab\\" id: \\"aaaa\\"" -m multiport \
      --dports 18080,8443 -j CNI-DN-b6b8e59b7a78a1e4cac51
      -A CNI-HOSTPORT-DNAT -p udp -m comment --comment "dnat name: \\"docklab-mynet-0123456789ab\\" id: \\"bbbb\\"" \
      -m multiport --dports 5353 -j CNI-DN-0c6a1ef5e1e3b8b4c2d7a
      -A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"podman\\" id: \\"cccc\\"" -m multiport \
      --dports 9000:9002 -j CNI-DN-1d7b2f06f2f4c9c5d3e8b
      """;

  @Test
  void portsPublishedOnTheHostAreReadFromPortmapsRules() {
    assertEquals(Set.of("tcp:18080", "tcp:8443", "udp:5353", "tcp:9000", "tcp:9001", "tcp:9002"),
        HostPorts.portmapPorts(RULES, "dddd"));
  }

  @Test
  void aContainersOwnRulesAreNotCounted() {
    assertEquals(Set.of("udp:5353", "tcp:9000", "tcp:9001", "tcp:9002"), HostPorts.portmapPorts(RULES, "aaaa"));
    assertEquals(Set.of(), HostPorts.portmapPorts("", "aaaa"));
  }

  @Test
  void aPortPublishedElsewhereIsAlreadyAllocated() {
    EngineException e = assertThrows(EngineException.class, () -> HostPorts.allocate(
        List.of(new PortMapping("", 18080, 80, "tcp")), HostPorts.portmapPorts(RULES, "dddd"), "web (eeee)"));
    assertEquals("driver failed programming external connectivity on endpoint web (eeee): Bind for 0.0.0.0:18080"
        + " failed: port is already allocated", e.getMessage());
  }
}
