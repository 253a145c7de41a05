package dev.docklab.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigOrderTest {
  @Test
  void keysComeInDockersOrderAndOthersAfterThem() {
    Map<String, Object> host = new LinkedHashMap<>();
    for (String k : List.of("Init", "Memory", "Extra", "PidMode", "Dns", "NetworkMode", "CgroupnsMode", "IpcMode")) {
      host.put(k, k);
    }
    assertEquals(List.of("NetworkMode", "CgroupnsMode", "Dns", "IpcMode", "PidMode", "Memory", "Init", "Extra"),
        List.copyOf(HostConfigOrder.sorted(host).keySet()));
  }
}
