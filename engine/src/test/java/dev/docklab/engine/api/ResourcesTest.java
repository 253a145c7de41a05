package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Resources} in container.json: what an older engine wrote still reads, and what is written reads back. */
class ResourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheFieldsAnOlderEngineWrote() throws Exception {
    Resources r = JSON.readValue("{\"nanoCpus\":0,\"cpuShares\":0,\"cpuPeriod\":0,\"cpuQuota\":0,\"cpusetCpus\":\"\","
        + "\"cpusetMems\":\"\",\"memoryReservation\":0,\"memorySwap\":0,\"memorySwappiness\":-1,"
        + "\"oomKillDisable\":false,\"oomScoreAdj\":0,\"blkioWeight\":0,\"somethingNewer\":1}", Resources.class);
    assertEquals(Resources.NONE, r);
    assertNull(r.memorySwappiness(), "-1 was 'not given'");
    assertEquals(List.of(), r.blkioDeviceReadBps());
  }

  @Test
  void writesAndReadsBackEveryField() throws Exception {
    Resources.Builder b = Resources.builder();
    b.nanoCpus = 1_500_000_000L;
    b.memorySwappiness = 0L;
    b.blkioDeviceReadBps = List.of(new Resources.ThrottleDevice("/dev/vda", 1024));
    b.blkioWeightDevice = List.of(new Resources.WeightDevice("/dev/vda", 200));
    b.cgroupParent = "/lab";
    Resources r = b.build();
    assertEquals(r, JSON.readValue(JSON.writeValueAsString(r), Resources.class));
  }
}
