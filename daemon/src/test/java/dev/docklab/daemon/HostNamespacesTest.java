package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Namespaces;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The namespace and network-identity fields of {@code POST /containers/create}, as docker 28's CLI sends them. */
class HostNamespacesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Namespaces read(String json) throws Exception {
    JsonNode body = JSON.readTree(json);
    return HostNamespaces.read(body, body.path("HostConfig"));
  }

  @Test
  void readsTheHostConfigTheConfigAndTheEndpoint() throws Exception {
    Namespaces n = read("""
        {"Image":"busybox","Domainname":"example.org",
         "HostConfig":{"PidMode":"container:db","IpcMode":"shareable","UTSMode":"host","CgroupnsMode":"private",
           "Dns":["1.1.1.1"],"DnsSearch":["example.com"],"DnsOptions":["ndots:2"],"ExtraHosts":["db:10.0.0.5"],
           "Links":["db:mydb"],"Init":true,"NetworkMode":"nsnet"},
         "NetworkingConfig":{"EndpointsConfig":{"nsnet":{"Aliases":["api"],"MacAddress":"02:42:0a:59:07:32",
           "IPAMConfig":{"IPv4Address":"10.89.7.50","IPv6Address":"2001:db8::33","LinkLocalIPs":["169.254.1.1"]}}}}}
        """);
    assertEquals(new Namespaces("container:db", "shareable", "host", "private", List.of("1.1.1.1"),
        List.of("example.com"), List.of("ndots:2"), List.of("db:10.0.0.5"), List.of("api"), "10.89.7.50",
        "02:42:0a:59:07:32", "example.org", true, "2001:db8::33", List.of("db:mydb"), List.of("169.254.1.1")), n);
  }

  @Test
  void anOlderClientsMacAddressIsInConfigAndNothingGivenIsDockersDefault() throws Exception {
    assertEquals("02:42:0a:59:07:33", read("{\"Image\":\"busybox\",\"MacAddress\":\"02:42:0a:59:07:33\"}")
        .macAddress());
    Namespaces none = read("{\"Image\":\"busybox\",\"HostConfig\":{\"Dns\":[],\"Init\":null}}");
    assertEquals(Namespaces.NONE, none);
    assertFalse(none.init());
    assertTrue(read("{\"Image\":\"busybox\",\"HostConfig\":{\"Init\":true}}").init());
  }
}
