package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Info;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code _ping}, {@code version}, {@code info} and {@code events}. */
final class SystemRoutes {
  private final Engine engine;
  private final EventHub events;

  SystemRoutes(Engine engine, EventHub events) {
    this.engine = engine;
    this.events = events;
  }

  void register(Api api) {
    api.on("GET", "/_ping", this::ping)
        .on("GET", "/version", this::version)
        .on("GET", "/info", this::info)
        .on("GET", "/events", this::events);
  }

  private void ping(Exchange x) {
    x.response.getHeaders().put("Cache-Control", "no-cache, no-store, must-revalidate");
    x.response.getHeaders().put("Pragma", "no-cache");
    x.response.getHeaders().put("Builder-Version", "1");
    x.text(200, "text/plain; charset=utf-8", "OK");
  }

  private void version(Exchange x) {
    String kernel = engine.system().kernel();
    ObjectNode v = Json.object();
    v.putObject("Platform").put("Name", "docklab");
    ArrayNode components = v.putArray("Components");
    ObjectNode c = components.addObject();
    c.put("Name", "Engine");
    c.put("Version", Engine.VERSION);
    ObjectNode details = c.putObject("Details");
    details.put("ApiVersion", Api.VERSION);
    details.put("MinAPIVersion", Api.MIN_VERSION);
    details.put("Os", "linux");
    details.put("Arch", arch());
    details.put("KernelVersion", kernel);
    details.put("GoVersion", "java" + Runtime.version().feature());
    details.put("GitCommit", "docklab");
    details.put("Experimental", "false");
    v.put("Version", Api.DOCKER_VERSION);
    v.put("ApiVersion", Api.VERSION);
    v.put("MinAPIVersion", Api.MIN_VERSION);
    v.put("GitCommit", "docklab");
    v.put("GoVersion", "java" + Runtime.version().feature());
    v.put("Os", "linux");
    v.put("Arch", arch());
    v.put("KernelVersion", kernel);
    x.json(200, v);
  }

  private void info(Exchange x) {
    Info i = engine.system().info();
    ObjectNode o = Json.object();
    o.put("ID", "docklab");
    o.put("Containers", i.containers());
    o.put("ContainersRunning", i.running());
    o.put("ContainersPaused", i.paused());
    o.put("ContainersStopped", i.stopped());
    o.put("Images", i.images());
    o.put("Driver", i.storageDriver());
    ArrayNode status = o.putArray("DriverStatus");
    status.addArray().add("Backing Filesystem").add(i.backingFilesystem());
    ObjectNode plugins = o.putObject("Plugins");
    plugins.putArray("Volume").add("local");
    plugins.putArray("Network").add("bridge").add("host").add("none");
    plugins.putArray("Log").add("k8s-file");
    o.put("MemoryLimit", true);
    o.put("SwapLimit", false);
    o.put("CpuCfsPeriod", true);
    o.put("CpuCfsQuota", true);
    o.put("PidsLimit", true);
    o.put("IPv4Forwarding", true);
    o.put("Debug", false);
    o.put("NFd", 0);
    o.put("NGoroutines", Thread.activeCount());
    o.put("SystemTime", Instant.now().toString());
    o.put("LoggingDriver", "k8s-file");
    o.put("CgroupDriver", i.cgroupDriver());
    o.put("CgroupVersion", String.valueOf(i.cgroupVersion()));
    o.put("KernelVersion", i.kernel());
    o.put("OperatingSystem", i.operatingSystem());
    o.put("OSType", "linux");
    o.put("Architecture", i.architecture());
    o.put("IndexServerAddress", "https://index.docker.io/v1/");
    o.put("NCPU", i.cpus());
    o.put("MemTotal", i.memoryBytes());
    o.put("DockerRootDir", i.dataRoot().toString());
    o.put("Name", hostname());
    o.putArray("Labels");
    o.put("ExperimentalBuild", false);
    o.put("ServerVersion", i.version());
    o.putObject("Runtimes").putObject(i.runtime()).put("path", i.runtime());
    o.put("DefaultRuntime", i.runtime());
    o.putObject("Swarm").put("LocalNodeState", "inactive");
    o.put("LiveRestoreEnabled", true);
    o.put("Isolation", "");
    o.put("InitBinary", "");
    ArrayNode security = o.putArray("SecurityOptions");
    i.securityOptions().forEach(security::add);
    ObjectNode registry = o.putObject("RegistryConfig");
    registry.putArray("InsecureRegistryCIDRs").add("127.0.0.0/8");
    registry.putObject("IndexConfigs");
    registry.putArray("Mirrors");
    o.putArray("Warnings");
    x.json(200, o);
  }

  private void events(Exchange x) throws IOException {
    String since = x.query("since");
    BlockingQueue<ObjectNode> queue = since == null || since.isEmpty() ? events.subscribe()
        : events.subscribe(unixNanos(since));
    String until = x.query("until");
    long untilNanos = until == null || until.isEmpty() ? Long.MAX_VALUE : unixNanos(until);
    JsonNode filters = Filters.parse(x.query("filters"));
    try (OutputStream out = x.stream(200, "application/json")) {
      while (true) {
        ObjectNode e = queue.poll(200, TimeUnit.MILLISECONDS);
        if (e == null) {
          Instant now = Instant.now();
          if (now.getEpochSecond() * 1_000_000_000L + now.getNano() > untilNanos) {
            break; // --until passed and nothing of before it is waiting
          }
          out.flush();
          continue;
        }
        if (e.path("timeNano").asLong() > untilNanos) {
          break;
        }
        if (Filters.eventMatches(filters, e)) {
          out.write(Json.MAPPER.writeValueAsBytes(e));
          out.write('\n');
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      events.unsubscribe(queue);
    }
  }

  /** A time as the docker client sends {@code since}: Unix seconds, with a fraction of up to nine digits. */
  static long unixNanos(String seconds) {
    try {
      int dot = seconds.indexOf('.');
      long whole = Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot));
      String frac = dot < 0 ? "" : (seconds.substring(dot + 1) + "000000000").substring(0, 9);
      return whole * 1_000_000_000L + (frac.isEmpty() ? 0 : Long.parseLong(frac));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("failed to parse value as time or duration: \"" + seconds + "\"");
    }
  }

  private static String arch() {
    String a = System.getProperty("os.arch");
    return a.equals("aarch64") ? "arm64" : a.equals("x86_64") ? "amd64" : a;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "docklab";
    }
  }
}
