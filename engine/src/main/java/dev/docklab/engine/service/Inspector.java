package dev.docklab.engine.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.container.ExtraNetworks;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.network.Subnet;
import dev.docklab.engine.store.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker inspect} data in the Docker Engine API's shape (field names and nesting as Docker's
 * {@code ContainerJSON} and {@code ImageInspect}), built from the engine's own records, so templates
 * such as {@code {{.State.Pid}}} and {@code {{.GraphDriver.Data.UpperDir}}} work as on Docker.
 */
final class Inspector {
  private static final ObjectMapper SPEC = new ObjectMapper();
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private final Layout layout;
  private final String runtime;

  /** The ids of the user-defined networks, by name. */
  private final Map<String, String> networkIds;

  Inspector(Layout layout, String runtime) {
    this(layout, runtime, Map.of());
  }

  Inspector(Layout layout, String runtime, Map<String, String> networkIds) {
    this.layout = layout;
    this.runtime = runtime;
    this.networkIds = networkIds;
  }

  Map<String, Object> container(Container c, Image image, String driver) {
    Map<String, Object> m = new LinkedHashMap<>();
    Path dir = layout.container(c.id());
    m.put("Id", c.id());
    m.put("Created", c.created());
    m.put("Path", c.path());
    m.put("Args", c.args());
    Container.State s = c.state();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Status", s.status().dockerName());
    state.put("Running", s.running());
    state.put("Paused", s.paused());
    state.put("Restarting", s.status() == ContainerStatus.RESTARTING);
    state.put("OOMKilled", s.oomKilled());
    state.put("Dead", s.status() == ContainerStatus.DEAD);
    state.put("Pid", s.running() ? s.pid() : 0);
    state.put("ExitCode", s.exitCode());
    state.put("Error", s.error() == null ? "" : s.error());
    state.put("StartedAt", s.startedAt() == null ? ZERO_TIME : s.startedAt());
    state.put("FinishedAt", s.finishedAt() == null ? ZERO_TIME : s.finishedAt());
    if (c.health() != null) {
      state.put("Health", LifecycleJson.of(c.health()));
    }
    m.put("State", state);
    m.put("Image", c.imageId());
    m.put("ResolvConfPath", Layout.containerFilesAt(dir).resolvConf().toString());
    m.put("HostnamePath", Layout.containerFilesAt(dir).hostname().toString());
    m.put("HostsPath", Layout.containerFilesAt(dir).hosts().toString());
    m.put("LogPath", Layout.containerFilesAt(dir).log().toString());
    m.put("Name", "/" + c.name());
    m.put("RestartCount", c.restartCount());
    m.put("Driver", driver);
    m.put("Platform", "linux");
    m.put("MountLabel", ""); // no SELinux here
    m.put("ProcessLabel", "");
    m.put("AppArmorProfile", appArmorProfile(dir));
    m.put("ExecIDs", null); // docklab keeps no exec records once an exec is started
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("ContainerIDFile", c.lifecycle().cidFile());
    host.put("LogConfig", ordered("Type", c.lifecycle().logDriver().isEmpty() ? "k8s-file" : c.lifecycle().logDriver(),
        "Config", c.lifecycle().logOpts()));
    host.put("NetworkMode", c.hostConfig().networkMode());
    Map<String, Object> bindings = new LinkedHashMap<>();
    for (PortMapping p : c.hostConfig().portBindings()) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) bindings.computeIfAbsent(p.port(), k -> new ArrayList<>());
      list.add(hostPort(p.hostIp(), p.hostPort() == 0 ? "" : String.valueOf(p.hostPort())));
    }
    host.put("PortBindings", bindings);
    host.put("PublishAllPorts", c.hostConfig().publishAll());
    host.put("RestartPolicy", ordered("Name", c.hostConfig().restartPolicy().name(),
        "MaximumRetryCount", c.hostConfig().restartPolicy().maximumRetryCount()));
    host.put("AutoRemove", c.hostConfig().autoRemove());
    LifecycleJson.volumesFrom(c.lifecycle(), host);
    host.put("Runtime", runtime);
    ResourceKeys.put(host, c);
    host.put("Binds", binds(c));
    host.put("SecurityOpt", c.hostConfig().securityOpt().isEmpty() ? null : c.hostConfig().securityOpt());
    HostConfigKeys.putHardening(host, c);
    NamespaceInspect.hostConfig(c, host);
    host.put("ConsoleSize", List.of(0, 0));
    host.put("Cgroup", "");
    host.put("Isolation", "");
    host.put("DeviceRequests", null);
    m.put("HostConfig", HostConfigOrder.sorted(host));
    m.put("GraphDriver", graphDriver(driver, image, dir));
    List<Map<String, Object>> mounts = new ArrayList<>();
    for (Container.MountPoint mp : c.mounts()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("Type", mp.type());
      if (mp.type().equals("volume")) {
        e.put("Name", mp.name());
      }
      e.put("Source", mp.source());
      e.put("Destination", mp.destination());
      if (mp.type().equals("volume")) {
        e.put("Driver", "local");
      }
      e.put("Mode", mp.readOnly() ? "ro" : mp.type().equals("volume") ? "z" : "");
      e.put("RW", !mp.readOnly());
      e.put("Propagation", mp.type().equals("bind") ? "rprivate" : "");
      mounts.add(e);
    }
    m.put("Mounts", mounts);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("Hostname", c.hostname() != null ? c.hostname()
        : c.env().stream().filter(e -> e.startsWith("HOSTNAME=")).map(e -> e.substring(9))
            .findFirst().orElse(c.id().substring(0, 12)));
    config.put("Domainname", c.namespaces().domainname());
    config.put("User", c.user());
    config.put("AttachStdin", c.openStdin());
    config.put("AttachStdout", true);
    config.put("AttachStderr", true);
    config.put("Tty", c.tty());
    config.put("OpenStdin", c.openStdin());
    config.put("StdinOnce", false);
    if (!c.exposedPorts().isEmpty()) {
      Map<String, Object> exposed = new LinkedHashMap<>();
      c.exposedPorts().forEach(p -> exposed.put(p, Map.of()));
      config.put("ExposedPorts", exposed);
    }
    config.put("Env", c.env());
    List<String> entrypoint = c.entrypoint() == null ? List.of() : c.entrypoint();
    List<String> cmd = c.command().subList(entrypoint.size(), c.command().size());
    config.put("Cmd", cmd.isEmpty() && !entrypoint.isEmpty() ? null : cmd);
    if (c.lifecycle().healthcheck() != null) {
      config.put("Healthcheck", c.lifecycle().healthcheck().toDocker());
    }
    config.put("Image", c.image());
    config.put("Volumes", null);
    config.put("WorkingDir", "/".equals(c.workingDir()) ? "" : c.workingDir());
    config.put("Entrypoint", entrypoint.isEmpty() ? null : entrypoint);
    config.put("OnBuild", null);
    config.put("Labels", c.labels());
    LifecycleJson.stop(c.lifecycle(), config);
    m.put("Config", config);
    m.put("NetworkSettings", networkSettings(c));
    return m;
  }

  /** The AppArmor profile the runtime was given for the container's process ("" when none: no AppArmor here). */
  private static String appArmorProfile(Path dir) {
    Path spec = Layout.containerFilesAt(dir).bundle().config();
    try {
      return Files.isRegularFile(spec) ? SPEC.readTree(spec.toFile()).path("process").path("apparmorProfile").asText("")
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** The networks {@code c} was connected to after its start ({@code docker network connect}). */
  private List<ExtraNetworks.Link> connections(Container c) {
    try {
      return ExtraNetworks.read(Layout.containerFilesAt(layout.container(c.id())).networks());
    } catch (RuntimeException unreadable) {
      return List.of(); // inspect shows what it can
    }
  }

  /** Docker's NetworkSettings: the container's address, gateway and ports while it runs, empty otherwise. */
  private Map<String, Object> networkSettings(Container c) {
    Endpoint ep = c.network();
    boolean on = ep != null && c.state().running();
    Map<String, Object> ports = new LinkedHashMap<>();
    if (on && !ep.network().equals("host")) {
      for (String p : c.exposedPorts()) {
        ports.put(p, null);
      }
      for (PortMapping p : ep.ports()) {
        @SuppressWarnings("unchecked")
        List<Object> list = ports.get(p.port()) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        list.add(hostPort(p.shownHostIp(), String.valueOf(p.hostPort())));
        ports.put(p.port(), list);
      }
    }
    String ip = on ? ep.ipAddress() : "";
    String gateway = on ? ep.gateway() : "";
    String mac = on ? ep.macAddress() : "";
    int prefix = on ? ep.prefixLen() : 0;
    String endpointId = on && !ip.isEmpty() ? sha256Hex(c.id() + c.state().startedAt()) : "";
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("Bridge", "");
    net.put("SandboxID", on ? sha256Hex(c.id() + ep.sandboxKey() + c.state().startedAt()) : "");
    net.put("SandboxKey", on ? ep.sandboxKey() : "");
    net.put("HairpinMode", false);
    net.put("LinkLocalIPv6Address", "");
    net.put("LinkLocalIPv6PrefixLen", 0);
    net.put("Ports", ports);
    net.put("SecondaryIPAddresses", null);
    net.put("SecondaryIPv6Addresses", null);
    net.put("EndpointID", endpointId);
    net.put("Gateway", gateway);
    net.put("GlobalIPv6Address", "");
    net.put("GlobalIPv6PrefixLen", 0);
    net.put("IPAddress", ip);
    net.put("IPPrefixLen", prefix);
    net.put("IPv6Gateway", "");
    net.put("MacAddress", mac);
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("IPAMConfig", NamespaceInspect.ipamConfig(c));
    one.put("Links", null);
    one.put("Aliases", NamespaceInspect.aliases(c));
    one.put("MacAddress", mac);
    one.put("NetworkID", networkIds.getOrDefault(c.hostConfig().networkMode(), networkId(c.hostConfig().networkMode())));
    one.put("EndpointID", endpointId);
    one.put("Gateway", gateway);
    one.put("IPAddress", ip);
    one.put("IPPrefixLen", prefix);
    one.put("IPv6Gateway", "");
    one.put("GlobalIPv6Address", "");
    one.put("GlobalIPv6PrefixLen", 0);
    one.put("DriverOpts", null);
    one.put("DNSNames", on ? NamespaceInspect.dnsNames(c, networkIds.containsKey(c.hostConfig().networkMode()))
        : null);
    Map<String, Object> networks = new LinkedHashMap<>();
    if (!c.hostConfig().networkMode().startsWith("container:")) {
      networks.put(c.hostConfig().networkMode(), one);
    }
    for (ExtraNetworks.Link l : on ? connections(c) : List.<ExtraNetworks.Link>of()) {
      Endpoint e = l.endpoint();
      Map<String, Object> more = new LinkedHashMap<>();
      more.put("IPAMConfig", null);
      more.put("Links", null);
      more.put("Aliases", l.aliases().isEmpty() ? null : l.aliases());
      more.put("MacAddress", e.macAddress());
      more.put("NetworkID", networkIds.getOrDefault(l.network(), networkId(l.network())));
      more.put("EndpointID", sha256Hex(c.id() + l.network() + c.state().startedAt()));
      more.put("Gateway", e.gateway());
      more.put("IPAddress", e.ipAddress());
      more.put("IPPrefixLen", e.prefixLen());
      more.put("IPv6Gateway", "");
      more.put("GlobalIPv6Address", "");
      more.put("GlobalIPv6PrefixLen", 0);
      more.put("DriverOpts", null);
      more.put("DNSNames", null);
      networks.put(l.network(), more);
    }
    net.put("Networks", networks);
    return net;
  }

  /** {@code docker network inspect}: one network and the running containers on it. */
  Map<String, Object> network(String name, String id, String driver, String subnet, String device, String created,
      List<Container> containers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", name);
    m.put("Id", id);
    m.put("Created", created == null ? ZERO_TIME : created);
    m.put("Scope", "local");
    m.put("Driver", driver);
    m.put("EnableIPv6", false);
    List<Map<String, Object>> config = new ArrayList<>();
    if (subnet != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("Subnet", subnet);
      c.put("Gateway", Subnet.parse(subnet).gateway());
      config.add(c);
    }
    Map<String, Object> ipam = new LinkedHashMap<>();
    ipam.put("Driver", subnet == null ? "default" : "host-local");
    ipam.put("Options", null);
    ipam.put("Config", config);
    m.put("IPAM", ipam);
    m.put("Internal", false);
    m.put("Attachable", false);
    m.put("Ingress", false);
    m.put("ConfigFrom", Map.of("Network", ""));
    m.put("ConfigOnly", false);
    Map<String, Object> members = new LinkedHashMap<>();
    for (Container c : containers) {
      for (ExtraNetworks.Link l : c.state().running() ? connections(c) : List.<ExtraNetworks.Link>of()) {
        if (l.network().equals(name)) { // docker network connect: one more endpoint on this network
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("Name", c.name());
          e.put("EndpointID", sha256Hex(c.id() + l.network() + c.state().startedAt()));
          e.put("MacAddress", l.endpoint().macAddress());
          e.put("IPv4Address", l.endpoint().ipAddress() + "/" + l.endpoint().prefixLen());
          e.put("IPv6Address", "");
          members.put(c.id(), e);
        }
      }
      if (c.state().running() && c.network() != null && c.hostConfig().networkMode().equals(name)) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Name", c.name());
        e.put("EndpointID", c.network().ipAddress().isEmpty() ? "" : sha256Hex(c.id() + c.state().startedAt()));
        e.put("MacAddress", c.network().macAddress());
        e.put("IPv4Address", c.network().ipAddress().isEmpty() ? ""
            : c.network().ipAddress() + "/" + c.network().prefixLen());
        e.put("IPv6Address", "");
        members.put(c.id(), e);
      }
    }
    m.put("Containers", members);
    Map<String, Object> options = new LinkedHashMap<>();
    if (device != null) {
      options.put("com.docker.network.bridge.name", device);
      options.put("cni.plugins", "loopback, bridge (host-local IPAM), portmap");
    }
    m.put("Options", options);
    m.put("Labels", Map.of());
    return m;
  }

  /** A stable id for one of the three built-in networks, as {@code docker network ls} shows. */
  static String networkId(String name) {
    return sha256Hex("docklab network " + name);
  }

  /** A small object whose keys print in Docker's order (Map.of's order changes from run to run). */
  /**
   * HostConfig's {@code Binds} as Docker lists them: each {@code -v} of a host path or a named volume,
   * {@code SOURCE:DEST[:ro]} ({@code /host:/ctr:ro}, {@code volname:/data}); an anonymous volume is not one.
   */
  static List<String> binds(Container c) {
    List<String> out = new ArrayList<>();
    for (Container.MountPoint mp : c.mounts()) {
      if (mp.anonymous()) {
        continue;
      }
      String source = mp.type().equals("volume") ? mp.name() : mp.source();
      out.add(source + ":" + mp.destination() + (mp.readOnly() ? ":ro" : ""));
    }
    return out.isEmpty() ? null : out;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> hostPort(String ip, String port) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("HostIp", ip);
    b.put("HostPort", port);
    return b;
  }

  private static String sha256Hex(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8)).hex();
  }

  private Map<String, Object> graphDriver(String driver, Image image, Path dir) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (!StorageDriverName.of(driver).unionMount()) {
      data.put("RootDir", Layout.containerFilesAt(dir).rootfs().toString());
    } else {
      List<String> lowers = new ArrayList<>();
      if (image != null) {
        for (Digest d : image.diffIds()) {
          lowers.add(0, layout.layerDiff(d).toString());
        }
      }
      lowers.add(0, Layout.containerFilesAt(dir).init().toString()); // above the image's layers, as the mount stacks it
      data.put("LowerDir", String.join(":", lowers));
      data.put("MergedDir", Layout.containerFilesAt(dir).merged().toString());
      data.put("UpperDir", Layout.containerFilesAt(dir).upper().toString());
      data.put("WorkDir", Layout.containerFilesAt(dir).work().toString());
    }
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("Data", data);
    g.put("Name", driver);
    return g;
  }

  /** {@code docker image inspect} of {@code img}, made from {@code parent} (null: none). */
  Map<String, Object> image(Image img, Image parent) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", img.id().toString());
    m.put("RepoTags", img.repoTags().stream().map(ImageReference::familiarString).toList());
    m.put("RepoDigests", img.repoDigests().stream().map(ImageReference::familiarString).toList());
    m.put("Parent", parent == null ? "" : parent.id().toString());
    List<ImageConfig.History> history = img.config().history() == null ? List.of() : img.config().history();
    m.put("Comment", history.isEmpty() || history.get(history.size() - 1).comment() == null ? ""
        : history.get(history.size() - 1).comment());
    m.put("Created", img.config().created());
    m.put("DockerVersion", "");
    m.put("Author", img.config().author() == null ? "" : img.config().author());
    ImageConfig.RunConfig rc = img.config().configOrEmpty();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("User", rc.user() == null ? "" : rc.user());
    config.put("Env", rc.env());
    config.put("Cmd", rc.cmd());
    config.put("Entrypoint", rc.entrypoint());
    config.put("WorkingDir", rc.workingDir() == null ? "" : rc.workingDir());
    config.put("Labels", rc.labels());
    config.put("ExposedPorts", rc.exposedPorts());
    config.put("Volumes", rc.volumes());
    config.put("StopSignal", rc.stopSignal());
    config.put("Healthcheck", rc.healthcheck());
    config.put("OnBuild", rc.onBuild());
    m.put("Config", config);
    m.put("Architecture", img.config().architecture());
    m.put("Os", img.config().os());
    m.put("Size", img.size());
    Map<String, Object> data = new LinkedHashMap<>();
    List<String> lowers = new ArrayList<>();
    for (Digest d : img.diffIds()) {
      lowers.add(0, layout.layerDiff(d).toString());
    }
    if (!lowers.isEmpty()) {
      data.put("LowerDir", String.join(":", lowers.subList(1, lowers.size())));
      data.put("UpperDir", lowers.get(0));
    }
    m.put("GraphDriver", ordered("Data", data, "Name", "overlay2"));
    m.put("RootFS", ordered("Type", "layers", "Layers", img.config().diffIdsOrEmpty()));
    m.put("Metadata", Map.of("LastTagTime", ZERO_TIME));
    return m;
  }
}
