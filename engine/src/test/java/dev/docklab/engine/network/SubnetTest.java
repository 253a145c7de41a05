package dev.docklab.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class SubnetTest {
  @Test
  void parsesAndShowsAddresses() {
    Subnet s = Subnet.parse("172.17.3.4/16");
    assertEquals("172.17.0.0/16", s.toString());
    assertEquals("172.17.0.1", s.gateway());
    assertTrue(s.contains(Subnet.address("172.17.255.254")));
    assertFalse(s.contains(Subnet.address("172.18.0.1")));
  }

  @Test
  void theBridgeTakesDockersFirstFreeSubnet() {
    assertEquals("172.17.0.0/16", BridgeNetwork.freeSubnet(List.of(Subnet.parse("192.0.2.0/24"))).toString());
    // a host with Docker's docker0 (172.17) and a VPN route over 172.18.5.0/24
    assertEquals("172.19.0.0/16", BridgeNetwork.freeSubnet(List.of(Subnet.parse("172.17.0.1/16"),
        Subnet.parse("172.18.5.0/24"))).toString());
    // a route over all of 172.16.0.0/12 leaves nothing
    assertTrue(Assertions.assertThrows(RuntimeException.class,
        () -> BridgeNetwork.freeSubnet(List.of(Subnet.parse("172.16.0.0/12")))).getMessage().contains("in use"));
  }
}
