package dev.docklab.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Container.HostConfig;
import dev.docklab.engine.api.Container.MountPoint;
import dev.docklab.engine.api.Container.State;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig.RunConfig;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.store.Layout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker inspect} of containers and images: the keys, nesting and values of Docker's
 * {@code ContainerJSON} and {@code ImageInspect}, built from the engine's records. Structs are compared as
 * JSON (their key order is Docker's); Go maps (ports, labels, networks) as maps, whose order Docker sorts.
 */
class InspectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "4f66ad9a0b2e" + "7c1d".repeat(13);
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final String STARTED = "2024-05-01T10:00:00.123456789Z";
  private static final Digest LAYER_1 = digest("layer one");
  private static final Digest LAYER_2 = digest("layer two");
  private static final Digest IMAGE_ID = digest("nginx config");

  @TempDir
  Path root;
  Layout layout;
  Inspector inspector;

  @BeforeEach
  void open() {
    layout = new Layout(root);
    inspector = new Inspector(layout, "runc");
  }

  private static Digest digest(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }

  private static Map<String, Object> jsonMap(String json) throws Exception {
    return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Map<String, Object> m, String... path) {
    Map<String, Object> cur = m;
    for (String key : path) {
      cur = (Map<String, Object>) cur.get(key);
    }
    return cur;
  }

  /** The image the containers run: two layers, nginx's command, a label and a port. */
  private static Image nginx(List<ImageReference> tags, List<ImageReference> digests) {
    RunConfig rc = new RunConfig(null, List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "NGINX_VERSION=1.25.4"), List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"), null,
        Map.of("maintainer", "NGINX Docker Maintainers"), Map.of("80/tcp", Map.of()), null, "SIGQUIT");
    ImageConfig config = new ImageConfig("amd64", "linux", "2024-02-14T18:52:02Z", null, rc,
        new ImageConfig.RootFs("layers", List.of(LAYER_1.toString(), LAYER_2.toString())), List.of());
    return new Image(IMAGE_ID, digest("nginx manifest"), config, tags, 187_000_000L, digests);
  }

  private static Image nginx() {
    return nginx(List.of(ImageReference.parse("nginx:1.25")), List.of());
  }

  private static final Endpoint BRIDGE = new Endpoint("bridge", "/run/docklab/netns/4f66ad9a0b2e", "172.17.0.2", 16,
      "172.17.0.1", "02:42:ac:11:00:02", "veth4f66ad9", List.of(new PortMapping("", 8080, 80, "tcp"),
      new PortMapping("127.0.0.1", 49153, 443, "tcp")), null);

  /** {@code docker run -d --name web -p 8080:80 -p 127.0.0.1::443 --expose 8443 ... nginx:1.25}, with a state. */
  private static Container web(State state, HostConfig host, List<MountPoint> mounts, Endpoint network) {
    return new Container(ID, "web", "2024-05-01T09:59:59.5Z", "nginx:1.25", IMAGE_ID.toString(), "nginx",
        List.of("-g", "daemon off;"), List.of("PATH=/usr/bin:/bin", "NGINX_VERSION=1.25.4"), "/", "",
        "overlay2", host, state, false, false, 0, mounts, List.of("80/tcp", "443/tcp", "8443/tcp"), network,
        Map.of("tier", "front", "app", "web"));
  }

  private static HostConfig published() {
    return new HostConfig(64L << 20, 0, false, RestartPolicy.parse("on-failure:3"), "bridge",
        List.of(new PortMapping("", 8080, 80, "tcp"), new PortMapping("127.0.0.1", 0, 443, "tcp")), false);
  }

  private static State running() {
    return new State(ContainerStatus.RUNNING, 4242, 0, "", STARTED, null, 4240, false);
  }

  private Map<String, Object> inspectRunning() {
    return inspector.container(web(running(), published(), List.of(), BRIDGE), nginx(), "overlay2");
  }

  @Nested
  class Identity {
    @Test
    void namesTheContainerAsDockerDoes() {
      Map<String, Object> c = inspectRunning();

      assertEquals(ID, c.get("Id"));
      assertEquals("/web", c.get("Name"), "Docker's names start with a slash");
      assertEquals(IMAGE_ID.toString(), c.get("Image"), "the image's id");
      assertEquals("nginx:1.25", at(c, "Config").get("Image"), "the image as it was named");
      assertEquals("nginx", c.get("Path"));
      assertEquals(List.of("-g", "daemon off;"), c.get("Args"));
      assertEquals("4f66ad9a0b2e", at(c, "Config").get("Hostname"), "the short id, as Docker's default hostname");
      assertEquals("linux", c.get("Platform"));
      assertEquals("overlay2", c.get("Driver"));
    }

    @Test
    void hasDockersTopLevelKeysInDockersOrder() {
      assertEquals(List.of("Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath", "HostnamePath",
          "HostsPath", "LogPath", "Name", "RestartCount", "Driver", "Platform", "MountLabel", "ProcessLabel",
          "AppArmorProfile", "ExecIDs", "HostConfig", "GraphDriver", "Mounts", "Config", "NetworkSettings"),
          List.copyOf(inspectRunning().keySet()));
      Map<String, Object> host = at(inspectRunning(), "HostConfig");
      assertEquals(List.of(0, 0), host.get("ConsoleSize"));
      assertTrue(host.containsKey("DeviceRequests") && host.get("DeviceRequests") == null);
      assertTrue(at(inspectRunning(), "Config").containsKey("OnBuild"));
    }
  }

  @Nested
  class States {
    @Test
    void aRunningContainer() throws Exception {
      assertEquals("{\"Status\":\"running\",\"Running\":true,\"Paused\":false,\"Restarting\":false,\"OOMKilled\":false,"
          + "\"Dead\":false,\"Pid\":4242,\"ExitCode\":0,\"Error\":\"\",\"StartedAt\":\"" + STARTED + "\","
          + "\"FinishedAt\":\"" + ZERO_TIME + "\"}", json(inspectRunning().get("State")));
    }

    @Test
    void anExitedContainerHasNoPidAndKeepsItsExitCode() {
      State exited = new State(ContainerStatus.EXITED, 4242, 137, "", STARTED, "2024-05-01T10:05:00Z", 0, true);
      Map<String, Object> state = at(inspector.container(web(exited, published(), List.of(), null), nginx(),
          "overlay2"), "State");

      assertEquals("exited", state.get("Status"));
      assertEquals(false, state.get("Running"));
      assertEquals(0L, ((Number) state.get("Pid")).longValue());
      assertEquals(137, state.get("ExitCode"));
      assertEquals("2024-05-01T10:05:00Z", state.get("FinishedAt"));
    }

    @Test
    void aContainerTheKernelKilledForMemoryIsOomKilledUntilItStartsAgain() throws Exception {
      State killed = new State(ContainerStatus.EXITED, 0, 137, "", STARTED, "2024-05-01T10:05:00Z", 0, false, true);
      Map<String, Object> state = at(inspector.container(web(killed, published(), List.of(), null), nginx(),
          "overlay2"), "State");

      assertEquals(true, state.get("OOMKilled"));
      assertEquals(137, state.get("ExitCode"));
      assertEquals(true, killed.withStatus(ContainerStatus.DEAD).oomKilled(), "kept while the run's record changes");
      Container read = JSON.readValue(JSON.writeValueAsBytes(web(killed, published(), List.of(), null)),
          Container.class);
      assertEquals(true, read.state().oomKilled(), "container.json keeps it");
      String before = JSON.writeValueAsString(web(running(), published(), List.of(), null))
          .replace(",\"oomKilled\":false", "");
      assertFalse(before.contains("oomKilled"));
      assertEquals(false, JSON.readValue(before, Container.class).state().oomKilled(), "a record written before it");
    }

    @Test
    void aCreatedContainerHasNeverStarted() {
      Map<String, Object> state = at(inspector.container(web(State.created(), published(), List.of(), null), nginx(),
          "overlay2"), "State");

      assertEquals("created", state.get("Status"));
      assertEquals(ZERO_TIME, state.get("StartedAt"));
      assertEquals(ZERO_TIME, state.get("FinishedAt"));
    }

    @Test
    void aPausedContainerIsStillRunning() {
      Map<String, Object> state = at(inspector.container(web(running().withStatus(ContainerStatus.PAUSED), published(), List.of(),
          BRIDGE), nginx(), "overlay2"), "State");

      assertEquals("paused", state.get("Status"));
      assertEquals(true, state.get("Running"));
      assertEquals(true, state.get("Paused"));
      assertEquals(4242L, ((Number) state.get("Pid")).longValue());
    }
  }

  @Nested
  class Config {
    @Test
    void carriesWhatTheContainerRuns() {
      Map<String, Object> config = at(inspectRunning(), "Config");

      assertEquals(List.of("nginx", "-g", "daemon off;"), config.get("Cmd"));
      assertEquals(List.of("PATH=/usr/bin:/bin", "NGINX_VERSION=1.25.4"), config.get("Env"));
      assertEquals(Map.of("app", "web", "tier", "front"), config.get("Labels"));
      assertEquals(Map.of("80/tcp", Map.of(), "443/tcp", Map.of(), "8443/tcp", Map.of()), config.get("ExposedPorts"));
      assertEquals("", config.get("WorkingDir"), "no WORKDIR: empty, as on Docker");
      assertEquals(false, config.get("Tty"));
    }

    @Test
    void hasNoExposedPortsKeyWhenNothingIsExposed() {
      Container quiet = new Container(ID, "quiet", "2024-05-01T09:59:59Z", "busybox", IMAGE_ID.toString(), "sleep",
          List.of("60"), List.of(), "/srv", "1000", "overlay2", new HostConfig(0, 0, true, null), State.created(),
          true, true, 0);
      Map<String, Object> config = at(inspector.container(quiet, null, "overlay2"), "Config");

      assertFalse(config.containsKey("ExposedPorts"));
      assertEquals("/srv", config.get("WorkingDir"));
      assertEquals("1000", config.get("User"));
      assertEquals(true, config.get("Tty"));
      assertEquals(true, config.get("OpenStdin"));
      assertEquals(Map.of(), config.get("Labels"), "no labels: an empty object, not null");
    }

    @Test
    void splitsTheEntrypointFromTheCmdAndShowsTheHostnameAsked() {
      Container echo = new Container(ID, "echo", "2024-05-01T09:59:59Z", "busybox", IMAGE_ID.toString(), "echo",
          List.of("hi"), List.of("HOSTNAME=myhost"), "/", "", "overlay2", new HostConfig(0, 0, true, null),
          State.created(), false, false, 0, List.of(), List.of(), null, Map.of(), List.of("echo"), "myhost");
      Map<String, Object> config = at(inspector.container(echo, null, "overlay2"), "Config");

      assertEquals(List.of("echo"), config.get("Entrypoint"));
      assertEquals(List.of("hi"), config.get("Cmd"));
      assertEquals("myhost", config.get("Hostname"));
    }
  }

  @Nested
  class HostConfigs {
    @Test
    void portBindingsAreWhatRunAskedFor() throws Exception {
      // -p 8080:80 -p 127.0.0.1::443: the host port as a string, empty when Docker picks one at start
      assertEquals(jsonMap("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}],"
              + "\"443/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]}"),
          at(inspectRunning(), "HostConfig", "PortBindings"));
    }

    @Test
    void aPortPublishedTwiceListsBothBindings() throws Exception {
      HostConfig twice = new HostConfig(0, 0, false, null, "bridge",
          List.of(new PortMapping("", 8080, 80, "tcp"), new PortMapping("", 8081, 80, "tcp")), false);
      Map<String, Object> c = inspector.container(web(State.created(), twice, List.of(), null), nginx(), "overlay2");

      assertEquals("[{\"HostIp\":\"\",\"HostPort\":\"8080\"},{\"HostIp\":\"\",\"HostPort\":\"8081\"}]",
          json(at(c, "HostConfig", "PortBindings").get("80/tcp")));
    }

    @Test
    void restartPolicyAndLimits() throws Exception {
      Map<String, Object> host = at(inspectRunning(), "HostConfig");

      assertEquals("{\"Name\":\"on-failure\",\"MaximumRetryCount\":3}", json(host.get("RestartPolicy")));
      assertEquals(64L << 20, ((Number) host.get("Memory")).longValue());
      assertEquals("bridge", host.get("NetworkMode"));
      assertEquals("runc", host.get("Runtime"));
      assertEquals(false, host.get("AutoRemove"));
    }

    @Test
    void withoutRestartTheNoPolicy() {
      Map<String, Object> c = inspector.container(web(State.created(), new HostConfig(0, 0, true, null), List.of(),
          null), nginx(), "overlay2");

      assertEquals(Map.of("Name", "no", "MaximumRetryCount", 0), at(c, "HostConfig", "RestartPolicy"));
      assertEquals(true, at(c, "HostConfig").get("AutoRemove"));
      assertEquals(Map.of(), at(c, "HostConfig", "PortBindings"));
    }
  }

  @Nested
  class Mounts {
    @Test
    void bindMountsAndVolumesInDockersShape() throws Exception {
      List<MountPoint> mounts = List.of(
          new MountPoint("bind", null, "/srv/site", "/usr/share/nginx/html", false, false),
          new MountPoint("bind", null, "/etc/nginx/conf.d", "/etc/nginx/conf.d", true, false),
          new MountPoint("volume", "logs", "/var/lib/docklab/volumes/logs/_data", "/var/log/nginx", false, false));
      Map<String, Object> c = inspector.container(web(running(), published(), mounts, BRIDGE), nginx(), "overlay2");

      assertEquals("["
          + "{\"Type\":\"bind\",\"Source\":\"/srv/site\",\"Destination\":\"/usr/share/nginx/html\",\"Mode\":\"\","
          + "\"RW\":true,\"Propagation\":\"rprivate\"},"
          + "{\"Type\":\"bind\",\"Source\":\"/etc/nginx/conf.d\",\"Destination\":\"/etc/nginx/conf.d\",\"Mode\":\"ro\","
          + "\"RW\":false,\"Propagation\":\"rprivate\"},"
          + "{\"Type\":\"volume\",\"Name\":\"logs\",\"Source\":\"/var/lib/docklab/volumes/logs/_data\","
          + "\"Destination\":\"/var/log/nginx\",\"Driver\":\"local\",\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}"
          + "]", json(c.get("Mounts")));
    }

    @Test
    void noMountsIsAnEmptyList() {
      assertEquals(List.of(), inspectRunning().get("Mounts"));
    }
  }

  @Nested
  class Networks {
    @Test
    void aRunningContainerOnTheBridgeHasItsAddressAndPorts() throws Exception {
      Map<String, Object> net = at(inspectRunning(), "NetworkSettings");

      assertEquals("172.17.0.2", net.get("IPAddress"));
      assertEquals(16, net.get("IPPrefixLen"));
      assertEquals("172.17.0.1", net.get("Gateway"));
      assertEquals("02:42:ac:11:00:02", net.get("MacAddress"));
      assertEquals("/run/docklab/netns/4f66ad9a0b2e", net.get("SandboxKey"));
      // published ports with the host port they got; exposed but unpublished ones are null
      Map<String, Object> ports = jsonMap("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"}],"
          + "\"443/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"49153\"}],\"8443/tcp\":null}");
      assertEquals(ports, net.get("Ports"));
    }

    @Test
    void theBridgeEntryNamesTheNetworkAndTheSameEndpoint() {
      Map<String, Object> net = at(inspectRunning(), "NetworkSettings");
      Map<String, Object> bridge = at(net, "Networks", "bridge");

      assertEquals(List.of("bridge"), List.copyOf(at(net, "Networks").keySet()));
      assertEquals("172.17.0.2", bridge.get("IPAddress"));
      assertEquals("172.17.0.1", bridge.get("Gateway"));
      assertEquals(Inspector.networkId("bridge"), bridge.get("NetworkID"));
      assertTrue(String.valueOf(net.get("EndpointID")).matches("[0-9a-f]{64}"), String.valueOf(net.get("EndpointID")));
      assertEquals(net.get("EndpointID"), bridge.get("EndpointID"));
    }

    @Test
    void aStoppedContainerHasNoAddressButStaysOnItsNetwork() {
      State exited = new State(ContainerStatus.EXITED, 0, 0, "", STARTED, "2024-05-01T10:05:00Z", 0, false);
      Map<String, Object> net = at(inspector.container(web(exited, published(), List.of(), null), nginx(), "overlay2"),
          "NetworkSettings");

      assertEquals("", net.get("IPAddress"));
      assertEquals("", net.get("EndpointID"));
      assertEquals(Map.of(), net.get("Ports"));
      assertEquals("", at(net, "Networks", "bridge").get("IPAddress"));
      assertEquals(Inspector.networkId("bridge"), at(net, "Networks", "bridge").get("NetworkID"));
    }

    @Test
    void aUserDefinedNetworkIsNamedWithItsOwnId() {
      String lessonnet = "9e4c" + "0a1b".repeat(15);
      Inspector withNetworks = new Inspector(layout, "runc", Map.of("lessonnet", lessonnet));
      HostConfig onIt = new HostConfig(0, 0, false, null, "lessonnet", List.of(), false);
      Endpoint ep = new Endpoint("lessonnet", "/run/docklab/netns/x", "172.18.0.2", 16, "172.18.0.1",
          "02:42:ac:12:00:02", "veth0", List.of(), null);
      Map<String, Object> networks = at(withNetworks.container(web(running(), onIt, List.of(), ep), nginx(), "overlay2"),
          "NetworkSettings", "Networks");

      assertEquals(List.of("lessonnet"), List.copyOf(networks.keySet()));
      assertEquals(lessonnet, at(networks, "lessonnet").get("NetworkID"));
      assertEquals("172.18.0.2", at(networks, "lessonnet").get("IPAddress"));
    }

    @Test
    void theBuiltInNetworksHaveDistinctStableIds() {
      assertEquals(Inspector.networkId("bridge"), Inspector.networkId("bridge"));
      assertNotEquals(Inspector.networkId("bridge"), Inspector.networkId("host"));
      assertTrue(Inspector.networkId("none").matches("[0-9a-f]{64}"));
    }

    @Test
    void onTheHostsNetworkNoPortsAreMapped() {
      HostConfig host = new HostConfig(0, 0, false, null, "host", List.of(), false);
      Map<String, Object> net = at(inspector.container(web(running(), host, List.of(), Endpoint.plain("host", "")),
          nginx(), "overlay2"), "NetworkSettings");

      assertEquals(Map.of(), net.get("Ports"));
      assertEquals("", net.get("IPAddress"));
      assertEquals(List.of("host"), List.copyOf(at(net, "Networks").keySet()));
    }

    @Test
    void joiningAnotherContainersNetworkListsNoNetworkOfItsOwn() {
      HostConfig joined = new HostConfig(0, 0, false, null, "container:db", List.of(), false);
      Map<String, Object> net = at(inspector.container(web(running(), joined, List.of(),
          Endpoint.plain("container:db", "/proc/99/ns/net")), nginx(), "overlay2"), "NetworkSettings");

      assertEquals(Map.of(), net.get("Networks"));
      assertEquals("container:db", at(inspector.container(web(running(), joined, List.of(), null), nginx(), "overlay2"),
          "HostConfig").get("NetworkMode"));
    }

    @Test
    void networkInspectListsTheRunningContainersOnIt() {
      String lessonnet = "9e4c" + "0a1b".repeat(15);
      HostConfig onIt = new HostConfig(0, 0, false, null, "lessonnet", List.of(), false);
      Endpoint ep = new Endpoint("lessonnet", "/run/docklab/netns/x", "172.18.0.2", 16, "172.18.0.1",
          "02:42:ac:12:00:02", "veth0", List.of(), null);
      Container stopped = web(State.created(), onIt, List.of(), null).withName("idle");
      Map<String, Object> n = inspector.network("lessonnet", lessonnet, "bridge", "172.18.0.0/16", "br-9e4c0a1b0a1b",
          "2024-05-01T09:00:00Z", List.of(web(running(), onIt, List.of(), ep), stopped));

      assertEquals("lessonnet", n.get("Name"));
      assertEquals(lessonnet, n.get("Id"));
      assertEquals(List.of(Map.of("Subnet", "172.18.0.0/16", "Gateway", "172.18.0.1")), at(n, "IPAM").get("Config"));
      Map<String, Object> members = at(n, "Containers");
      assertEquals(List.of(ID), List.copyOf(members.keySet()), "only the running one");
      assertEquals("web", at(members, ID).get("Name"));
      assertEquals("172.18.0.2/16", at(members, ID).get("IPv4Address"));
      assertEquals("02:42:ac:12:00:02", at(members, ID).get("MacAddress"));
    }
  }

  @Nested
  class GraphDrivers {
    @Test
    void overlayListsTheLowerDirsAsTheMountStacksThem() {
      Path dir = layout.container(ID);
      Map<String, Object> data = at(inspectRunning(), "GraphDriver", "Data");

      // Docker's order, and the mount's: the container's init layer on top, then the image's layers top first
      assertEquals(String.join(":", dir.resolve("init").toString(), layout.layerDiff(LAYER_2).toString(),
          layout.layerDiff(LAYER_1).toString()), data.get("LowerDir"));
      assertEquals(dir.resolve("upper").toString(), data.get("UpperDir"));
      assertEquals(dir.resolve("merged").toString(), data.get("MergedDir"));
      assertEquals(dir.resolve("work").toString(), data.get("WorkDir"));
      assertEquals("overlay2", at(inspectRunning(), "GraphDriver").get("Name"));
    }

    @Test
    void vfsHasOneRootDir() {
      Map<String, Object> g = at(inspector.container(web(running(), published(), List.of(), BRIDGE), nginx(), "vfs"),
          "GraphDriver");

      assertEquals(Map.of("RootDir", layout.container(ID).resolve("rootfs").toString()), g.get("Data"));
      assertEquals("vfs", g.get("Name"));
    }

    @Test
    void theFilesInspectNamesLiveInTheContainersDirectory() {
      Map<String, Object> c = inspectRunning();
      Path dir = layout.container(ID);

      assertEquals(dir.resolve("hosts").toString(), c.get("HostsPath"));
      assertEquals(dir.resolve("hostname").toString(), c.get("HostnamePath"));
      assertEquals(dir.resolve("resolv.conf").toString(), c.get("ResolvConfPath"));
      assertTrue(String.valueOf(c.get("LogPath")).startsWith(dir + "/"), String.valueOf(c.get("LogPath")));
    }
  }

  @Nested
  class Images {
    private final Digest pulledAs = digest("nginx index");

    private Map<String, Object> inspectImage() {
      return inspector.image(nginx(List.of(ImageReference.parse("nginx:1.25"),
          ImageReference.parse("localhost:5000/team/web:v1")), List.of(new ImageReference("docker.io", "library/nginx",
          null, pulledAs))), null);
    }

    @Test
    void namesAndDigestsInTheirFamiliarForm() {
      Map<String, Object> img = inspectImage();

      assertEquals(IMAGE_ID.toString(), img.get("Id"));
      assertEquals(List.of("nginx:1.25", "localhost:5000/team/web:v1"), img.get("RepoTags"));
      assertEquals(List.of("nginx@" + pulledAs), img.get("RepoDigests"));
    }

    @Test
    void anUntaggedImageHasEmptyLists() {
      Map<String, Object> img = inspector.image(nginx(List.of(), List.of()), null);

      assertEquals(List.of(), img.get("RepoTags"));
      assertEquals(List.of(), img.get("RepoDigests"));
      assertEquals("", img.get("Parent"));
    }

    @Test
    void theImageItWasMadeFromIsItsParent() {
      Image parent = nginx(List.of(), List.of());
      Map<String, Object> img = inspector.image(nginx(List.of(ImageReference.parse("mine:v1")), List.of()), parent);

      assertEquals(IMAGE_ID.toString(), img.get("Parent"));
    }

    @Test
    void theConfigItRunsWith() {
      Map<String, Object> config = at(inspectImage(), "Config");

      assertEquals(List.of("nginx", "-g", "daemon off;"), config.get("Cmd"));
      assertEquals(List.of("/docker-entrypoint.sh"), config.get("Entrypoint"));
      assertEquals("NGINX_VERSION=1.25.4", ((List<?>) config.get("Env")).get(1));
      assertEquals(Map.of("maintainer", "NGINX Docker Maintainers"), config.get("Labels"));
      assertEquals(Map.of("80/tcp", Map.of()), config.get("ExposedPorts"));
      assertEquals("SIGQUIT", config.get("StopSignal"));
      assertEquals("", config.get("User"));
      assertEquals("", config.get("WorkingDir"));
    }

    @Test
    void itsLayersPlatformAndSize() throws Exception {
      Map<String, Object> img = inspectImage();

      assertEquals("{\"Type\":\"layers\",\"Layers\":[\"" + LAYER_1 + "\",\"" + LAYER_2 + "\"]}",
          json(img.get("RootFS")));
      assertEquals("amd64", img.get("Architecture"));
      assertEquals("linux", img.get("Os"));
      assertEquals(187_000_000L, img.get("Size"));
      assertEquals("2024-02-14T18:52:02Z", img.get("Created"));
      assertEquals("", img.get("Author"));
    }

    @Test
    void itsTopLayerIsTheUpperDirAndTheRestLowerTopFirst() {
      Map<String, Object> data = at(inspectImage(), "GraphDriver", "Data");

      assertEquals(layout.layerDiff(LAYER_2).toString(), data.get("UpperDir"));
      assertEquals(layout.layerDiff(LAYER_1).toString(), data.get("LowerDir"));
    }
  }
}
