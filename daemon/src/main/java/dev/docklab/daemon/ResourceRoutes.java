package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.StatsSample;
import dev.docklab.engine.api.UpdateRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/{id}/update} and {@code GET /containers/{id}/stats}, in Docker's JSON shapes. */
final class ResourceRoutes {
  private static final String C = "/containers/" + Routes.NAME;
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private final Engine engine;

  ResourceRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("POST", C + "/update", this::update)
        .on("GET", C + "/stats", this::stats);
  }

  private void update(Exchange x) {
    JsonNode b = x.body();
    JsonNode rp = b.path("RestartPolicy");
    String name = rp.path("Name").asText("");
    RestartPolicy restart = name.isEmpty() ? null
        : RestartPolicy.parse(name + (rp.path("MaximumRetryCount").asInt(0) > 0
            ? ":" + rp.path("MaximumRetryCount").asInt() : ""));
    UpdateRequest u = new UpdateRequest(number(b, "NanoCpus"), number(b, "CpuShares"), number(b, "CpuPeriod"),
        number(b, "CpuQuota"), number(b, "CpuRealtimePeriod"), number(b, "CpuRealtimeRuntime"),
        text(b, "CpusetCpus"), text(b, "CpusetMems"), number(b, "Memory"), number(b, "MemoryReservation"),
        number(b, "MemorySwap"), number(b, "PidsLimit"),
        b.path("BlkioWeight").isNumber() ? b.path("BlkioWeight").asInt() : null, restart);
    List<String> warnings = engine.containers().update(x.param(0), u);
    x.json(200, Map.of("Warnings", warnings));
  }

  private static Long number(JsonNode b, String key) {
    return b.path(key).isNumber() ? b.path(key).asLong() : null;
  }

  private static String text(JsonNode b, String key) {
    return b.path(key).isTextual() ? b.path(key).asText() : null;
  }

  /** One reading ({@code stream=false}: two, a second apart, so the CPU share can be computed), or one a second. */
  private void stats(Exchange x) throws IOException {
    Container c = engine.containers().inspect(x.param(0));
    boolean stream = x.query("stream") == null || x.flag("stream");
    boolean oneShot = x.flag("one-shot");
    StatsSample previous = null;
    if (!stream && !oneShot && c.state().running()) {
      previous = engine.containers().stats(c.id());
      pause(1000);
    }
    try (OutputStream out = x.stream(200, "application/json")) {
      do {
        StatsSample now = engine.containers().stats(c.id());
        boolean running = engine.containers().inspect(c.id()).state().running();
        out.write(Json.MAPPER.writeValueAsBytes(document(c, running ? now : null, previous)));
        out.write('\n');
        out.flush();
        previous = running ? now : null;
        if (stream) {
          pause(1000);
        }
      } while (stream && !Thread.currentThread().isInterrupted());
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Docker's {@code StatsJSON}: what the docker CLI's stats reads (cpu, precpu, memory, blkio, pids, networks). */
  static ObjectNode document(Container c, StatsSample now, StatsSample previous) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("read", now == null ? ZERO_TIME : now.read().toString());
    o.put("preread", previous == null ? ZERO_TIME : previous.read().toString());
    ObjectNode pids = o.putObject("pids_stats");
    if (now != null) {
      pids.put("current", now.pids());
      if (c.hostConfig().pidsLimit() > 0) {
        pids.put("limit", c.hostConfig().pidsLimit());
      }
    }
    ObjectNode blkio = o.putObject("blkio_stats");
    ArrayNode bytes = blkio.putArray("io_service_bytes_recursive");
    if (now != null) {
      bytes.addObject().put("major", 0).put("minor", 0).put("op", "read").put("value", now.blockRead());
      bytes.addObject().put("major", 0).put("minor", 0).put("op", "write").put("value", now.blockWrite());
    }
    for (String k : List.of("io_serviced_recursive", "io_queue_recursive", "io_service_time_recursive",
        "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive", "sectors_recursive")) {
      blkio.putNull(k);
    }
    o.put("num_procs", 0);
    o.putObject("storage_stats");
    cpu(o.putObject("cpu_stats"), now);
    cpu(o.putObject("precpu_stats"), previous);
    ObjectNode mem = o.putObject("memory_stats");
    if (now != null) {
      mem.put("usage", now.memoryUsage() + now.memoryCache());
      ObjectNode stats = mem.putObject("stats");
      stats.put("inactive_file", now.memoryCache());
      stats.put("total_inactive_file", now.memoryCache());
      mem.put("limit", now.memoryLimit());
    }
    o.put("name", "/" + c.name());
    o.put("id", c.id());
    if (now != null) {
      ObjectNode eth0 = o.putObject("networks").putObject("eth0");
      eth0.put("rx_bytes", now.netRx()).put("rx_packets", 0).put("rx_errors", 0).put("rx_dropped", 0);
      eth0.put("tx_bytes", now.netTx()).put("tx_packets", 0).put("tx_errors", 0).put("tx_dropped", 0);
    }
    return o;
  }

  private static void cpu(ObjectNode cpu, StatsSample s) {
    ObjectNode usage = cpu.putObject("cpu_usage");
    usage.put("total_usage", s == null ? 0 : s.cpuTotalNanos());
    usage.put("usage_in_kernelmode", 0);
    usage.put("usage_in_usermode", 0);
    if (s != null) {
      cpu.put("system_cpu_usage", s.systemCpuNanos());
      cpu.put("online_cpus", s.onlineCpus());
    }
    cpu.putObject("throttling_data").put("periods", 0).put("throttled_periods", 0).put("throttled_time", 0);
  }
}
