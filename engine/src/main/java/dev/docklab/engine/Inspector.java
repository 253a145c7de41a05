package dev.docklab.engine;

import dev.docklab.engine.container.Container;
import dev.docklab.engine.digest.Digest;
import dev.docklab.engine.image.Image;
import dev.docklab.engine.image.ImageConfig;
import dev.docklab.engine.reference.ImageReference;
import dev.docklab.engine.store.Layout;
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
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private final Layout layout;
  private final String runtime;

  Inspector(Layout layout, String runtime) {
    this.layout = layout;
    this.runtime = runtime;
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
    state.put("Status", s.status());
    state.put("Running", s.running());
    state.put("Paused", s.paused());
    state.put("Restarting", "restarting".equals(s.status()));
    state.put("OOMKilled", false);
    state.put("Dead", "dead".equals(s.status()));
    state.put("Pid", s.running() ? s.pid() : 0);
    state.put("ExitCode", s.exitCode());
    state.put("Error", s.error() == null ? "" : s.error());
    state.put("StartedAt", s.startedAt() == null ? ZERO_TIME : s.startedAt());
    state.put("FinishedAt", s.finishedAt() == null ? ZERO_TIME : s.finishedAt());
    m.put("State", state);
    m.put("Image", c.imageId());
    m.put("ResolvConfPath", "");
    m.put("HostnamePath", dir.resolve("hostname").toString());
    m.put("HostsPath", dir.resolve("hosts").toString());
    m.put("LogPath", dir.resolve("container.log").toString());
    m.put("Name", "/" + c.name());
    m.put("RestartCount", c.restartCount());
    m.put("Driver", driver);
    m.put("Platform", "linux");
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("LogConfig", Map.of("Type", "k8s-file", "Config", Map.of()));
    host.put("NetworkMode", "none");
    host.put("PortBindings", Map.of());
    host.put("RestartPolicy", Map.of("Name", c.hostConfig().restartPolicy().name(),
        "MaximumRetryCount", c.hostConfig().restartPolicy().maximumRetryCount()));
    host.put("AutoRemove", c.hostConfig().autoRemove());
    host.put("Runtime", runtime);
    host.put("Memory", c.hostConfig().memory());
    host.put("PidsLimit", c.hostConfig().pidsLimit() > 0 ? c.hostConfig().pidsLimit() : null);
    host.put("CgroupParent", "");
    host.put("Binds", null);
    m.put("HostConfig", host);
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
    config.put("Hostname", c.id().substring(0, 12));
    config.put("Domainname", "");
    config.put("User", c.user());
    config.put("AttachStdin", c.openStdin());
    config.put("AttachStdout", true);
    config.put("AttachStderr", true);
    config.put("Tty", c.tty());
    config.put("OpenStdin", c.openStdin());
    config.put("StdinOnce", false);
    config.put("Env", c.env());
    config.put("Cmd", c.command());
    config.put("Image", c.image());
    config.put("Volumes", null);
    config.put("WorkingDir", "/".equals(c.workingDir()) ? "" : c.workingDir());
    config.put("Entrypoint", null);
    config.put("Labels", Map.of());
    m.put("Config", config);
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("Bridge", "");
    net.put("SandboxID", "");
    net.put("Ports", Map.of());
    net.put("Gateway", "");
    net.put("IPAddress", "");
    net.put("IPPrefixLen", 0);
    net.put("MacAddress", "");
    net.put("Networks", Map.of());
    m.put("NetworkSettings", net);
    return m;
  }

  private Map<String, Object> graphDriver(String driver, Image image, Path dir) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (driver.equals("vfs")) {
      data.put("RootDir", dir.resolve("rootfs").toString());
    } else {
      List<String> lowers = new ArrayList<>(List.of(dir.resolve("init").toString()));
      if (image != null) {
        for (Digest d : image.diffIds()) {
          lowers.add(0, layout.layerDiff(d).toString());
        }
      }
      data.put("LowerDir", String.join(":", lowers));
      data.put("MergedDir", dir.resolve("merged").toString());
      data.put("UpperDir", dir.resolve("upper").toString());
      data.put("WorkDir", dir.resolve("work").toString());
    }
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("Data", data);
    g.put("Name", driver);
    return g;
  }

  Map<String, Object> image(Image img) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", img.id().toString());
    m.put("RepoTags", img.repoTags().stream().map(ImageReference::familiarString).toList());
    m.put("RepoDigests", List.of());
    m.put("Parent", "");
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
    m.put("GraphDriver", Map.of("Data", data, "Name", "overlay2"));
    m.put("RootFS", Map.of("Type", "layers", "Layers", img.config().diffIdsOrEmpty()));
    m.put("Metadata", Map.of("LastTagTime", ZERO_TIME));
    return m;
  }
}
