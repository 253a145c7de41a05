package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Resources;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.StatsSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource fields of {@code POST /containers/create} as the docker CLI sends them, and stats' JSON. */
class HostResourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheHostConfigsResourceFields() throws Exception {
    JsonNode body = JSON.readTree("{\"Image\":\"busybox\",\"HostConfig\":{\"NanoCpus\":1500000000,\"CpuShares\":512,"
        + "\"CpuPeriod\":0,\"CpuQuota\":0,\"CpusetCpus\":\"1\",\"CpusetMems\":\"0\",\"MemoryReservation\":33554432,"
        + "\"MemorySwap\":-1,\"MemorySwappiness\":10,\"OomKillDisable\":true,\"OomScoreAdj\":-500,"
        + "\"BlkioWeight\":300,\"BlkioWeightDevice\":[{\"Path\":\"/dev/vda\",\"Weight\":200}],"
        + "\"BlkioDeviceReadBps\":[{\"Path\":\"/dev/vda\",\"Rate\":1048576}],\"BlkioDeviceWriteIOps\":[{\"Path\":"
        + "\"/dev/vda\",\"Rate\":100}],\"CgroupParent\":\"/lab\",\"CpuCount\":2,\"KernelMemory\":0}}");
    Resources r = CreateRequest.read(body, null).resources();
    assertEquals(1_500_000_000L, r.nanoCpus());
    assertEquals(512, r.cpuShares());
    assertEquals("1", r.cpusetCpus());
    assertEquals(33554432, r.memoryReservation());
    assertEquals(-1, r.memorySwap());
    assertEquals(10L, r.memorySwappiness());
    assertEquals(true, r.oomKillDisable());
    assertEquals(-500, r.oomScoreAdj());
    assertEquals(List.of(new Resources.WeightDevice("/dev/vda", 200)), r.blkioWeightDevice());
    assertEquals(List.of(new Resources.ThrottleDevice("/dev/vda", 1048576)), r.blkioDeviceReadBps());
    assertEquals(List.of(new Resources.ThrottleDevice("/dev/vda", 100)), r.blkioDeviceWriteIOps());
    assertEquals("/lab", r.cgroupParent());
    assertEquals(2, r.cpuCount());
    JsonNode plain = JSON.readTree("{\"Image\":\"busybox\",\"HostConfig\":{\"MemorySwappiness\":null}}");
    assertNull(CreateRequest.read(plain, null).resources().memorySwappiness());
    assertEquals(Resources.NONE, CreateRequest.read(JSON.readTree("{\"Image\":\"busybox\"}"), null).resources());
  }

  @Test
  void statsIsDockersShapeWithTheReadingBefore() {
    Container c = new Container("a".repeat(64), "web", "2026-01-01T00:00:00Z", "busybox", "sha256:b", "sh",
        List.of(), List.of(), "/", "", "overlay2", new Container.HostConfig(64L << 20, 1024, false, RestartPolicy.NO),
        Container.State.created(), false, false, 0);
    StatsSample before = new StatsSample(Instant.EPOCH, 1000, 2000, 2, 0, 0, 0, 0, 0, 0, 0, 0);
    StatsSample now = new StatsSample(Instant.EPOCH.plusSeconds(1), 3000, 6000, 2, 4096, 64L << 20, 1024, 10, 20,
        30, 40, 3);
    JsonNode d = ResourceRoutes.document(c, now, before);
    assertEquals(3000, d.at("/cpu_stats/cpu_usage/total_usage").asLong());
    assertEquals(1000, d.at("/precpu_stats/cpu_usage/total_usage").asLong());
    assertEquals(6000, d.at("/cpu_stats/system_cpu_usage").asLong());
    assertEquals(2, d.at("/cpu_stats/online_cpus").asInt());
    assertEquals(5120, d.at("/memory_stats/usage").asLong(), "the cgroup's usage: the CLI takes the cache off");
    assertEquals(1024, d.at("/memory_stats/stats/inactive_file").asLong());
    assertEquals(64L << 20, d.at("/memory_stats/limit").asLong());
    assertEquals(10, d.at("/networks/eth0/rx_bytes").asLong());
    assertEquals("read", d.at("/blkio_stats/io_service_bytes_recursive/0/op").asText());
    assertEquals(30, d.at("/blkio_stats/io_service_bytes_recursive/0/value").asLong());
    assertEquals(3, d.at("/pids_stats/current").asLong());
    assertEquals("/web", d.path("name").asText());
  }
}
