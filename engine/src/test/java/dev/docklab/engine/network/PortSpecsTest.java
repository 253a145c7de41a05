package dev.docklab.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.PortSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecsTest {
  @Test
  void dockersFormsOfPublish() {
    assertEquals(List.of(new PortMapping("", 8080, 80, "tcp")), PortSpecs.parsePublish("8080:80"));
    assertEquals(List.of(new PortMapping("", 0, 80, "tcp")), PortSpecs.parsePublish("80"));
    assertEquals(List.of(new PortMapping("127.0.0.1", 8080, 80, "tcp")), PortSpecs.parsePublish("127.0.0.1:8080:80"));
    assertEquals(List.of(new PortMapping("127.0.0.1", 0, 80, "tcp")), PortSpecs.parsePublish("127.0.0.1::80"));
    assertEquals(List.of(new PortMapping("", 5353, 53, "udp")), PortSpecs.parsePublish("5353:53/udp"));
    assertEquals(List.of(new PortMapping("", 0, 53, "udp")), PortSpecs.parsePublish("53/UDP"));
    assertEquals(List.of(new PortMapping("", 8080, 80, "tcp")), PortSpecs.parsePublish("0.0.0.0:8080:80"));
    assertEquals(List.of(new PortMapping("", 8000, 80, "tcp"), new PortMapping("", 8001, 81, "tcp")),
        PortSpecs.parsePublish("8000-8001:80-81"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "70000:80|invalid hostPort: 70000",
      "8080:abc|invalid containerPort: abc",
      "8080:0|invalid containerPort: 0",
      "8080:80/xyz|invalid proto: xyz",
      "1.2.3:8080:80|invalid IP address: 1.2.3",
      "300.1.1.1:8080:80|invalid IP address: 300.1.1.1",
      "8080:|no port specified: 8080:<empty>",
      "8000-8002:80-81|invalid ranges specified for container and host Ports: 80-81 and 8000-8002"})
  void badSpecsGetDockersMessages(String spec, String message) {
    EngineException e = assertThrows(EngineException.class, () -> PortSpecs.parsePublish(spec));
    assertEquals(message, e.getMessage());
  }

  @Test
  void exposeTakesPortsAndRanges() {
    assertEquals(List.of("80/tcp"), PortSpecs.parseExpose("80"));
    assertEquals(List.of("7000/udp", "7001/udp"), PortSpecs.parseExpose("7000-7001/udp"));
    assertThrows(EngineException.class, () -> PortSpecs.parseExpose("http"));
  }

  @Test
  void mappingsShowAsDockerPsDoes() {
    assertEquals("0.0.0.0:8080->80/tcp", new PortMapping("", 8080, 80, "tcp").toString());
    assertEquals("127.0.0.1:5353->53/udp", new PortMapping("127.0.0.1", 5353, 53, "udp").toString());
  }
}
