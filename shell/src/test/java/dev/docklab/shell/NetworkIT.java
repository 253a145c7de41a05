package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Networking as a learner meets it: the web image behind a published port, reached from the host
 * on localhost and on the host's own address, from the REPL's host shell and from another container
 * by IP; ports in use refused with Docker's message; random ports; none and host networks; and
 * nothing of a removed container left on the host (namespace, veth, lease, NAT rules).
 */
class NetworkIT {
  static Transcript t;
  static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-net-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
    for (String id : ids) {
      assertNoTrace(id);
    }
  }

  @Test
  void aPublishedPortAnswersOnLocalhostTheHostsAddressAndThroughRestarts() throws Exception {
    int port = freePort();
    Transcript.Result run = t.run("docker run -d -p " + port + ":80 --name web web");
    assertEquals(0, run.status(), run.err());
    String id = run.out().strip();
    ids.add(id);
    String ps = t.run("docker ps").out();
    assertTrue(ps.contains("0.0.0.0:" + port + "->80/tcp"), ps);
    assertEquals("80/tcp -> 0.0.0.0:" + port + "\n", t.run("docker port web").out());
    assertEquals("0.0.0.0:" + port + "\n", t.run("docker port web 80").out());
    assertTrue(t.run("docker port web 81").err().contains("No public port '81/tcp' published for web"));

    assertTrue(getSoon("127.0.0.1", port).contains("docklab's web image"), "localhost");
    String hostAddress = hostAddress();
    assertTrue(get(hostAddress, port).contains("docklab's web image"), "the host's address " + hostAddress);
    Transcript.Result hostShell = t.run("busybox wget -q -O - http://localhost:" + port + "/");
    assertTrue(hostShell.out().contains("docklab's web image"), "from the REPL's host shell: " + hostShell.err());
    Transcript.Result logs = t.run("docker logs web");
    assertTrue(logs.err().contains("response:200"), "httpd -v logs each request");
    assertTrue(logs.out().matches("(?s)\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z httpd: started \\(pid \\d+\\), serving /www on port 80\n.*"),
        "the web server logs its start: " + logs.out());

    String ip = t.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' web").out().strip();
    String gateway = t.run("docker inspect -f '{{.NetworkSettings.Gateway}}' web").out().strip();
    assertTrue(ip.matches("172\\.(1[7-9]|2\\d|3[01])\\.\\d+\\.\\d+"), ip);
    assertTrue(gateway.endsWith(".0.1") && ip.startsWith(gateway.substring(0, gateway.length() - 3)), gateway);
    assertTrue(get(ip, 80).contains("docklab's web image"), "the container's own address");
    Transcript.Result fromPeer = t.run("docker run --rm busybox wget -q -O - http://" + ip + "/");
    assertTrue(fromPeer.out().contains("docklab's web image"), "container to container by IP: " + fromPeer.err());
    assertEquals("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"" + port + "\"}]}\n",
        t.run("docker inspect -f '{{json .NetworkSettings.Ports}}' web").out());
    assertTrue(t.run("docker inspect -f '{{.NetworkSettings.MacAddress}}' web").out()
        .matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}\n"));
    assertTrue(t.run("docker network inspect bridge").out().contains("\"IPv4Address\": \"" + ip + "/16\""));
    String explained = t.run("explain network web").out();
    assertTrue(explained.contains("eth0 " + ip + "/16\n"), explained);
    assertTrue(explained.contains("-p tcp --dport " + port + " -j DNAT --to-destination " + ip + ":80\n"), explained);
    String inside = t.run("docker exec web cat /etc/hosts").out();
    assertTrue(inside.contains(ip + "\t" + id.substring(0, 12)), inside);

    Transcript.Result taken = t.run("docker run -d -p " + port + ":80 --name web2 web");
    assertEquals(125, taken.status());
    assertTrue(taken.err().contains("Bind for 0.0.0.0:" + port + " failed: port is already allocated"), taken.err());
    String web2 = t.run("docker inspect -f '{{.Id}}' web2").out().strip();
    assertEquals("created\n", t.run("docker inspect -f '{{.State.Status}}' web2").out());
    assertNoTrace(web2);
    t.run("docker rm web2");

    t.run("docker stop web");
    assertFalse(answers("127.0.0.1", port), "stopped: the port is released");
    assertEquals("", t.run("docker port web").out());
    assertNoTrace(id);
    t.run("docker start web");
    assertTrue(getSoon("127.0.0.1", port).contains("docklab's web image"), "started again: published again");
    t.run("docker rm -f web");
    assertFalse(answers("127.0.0.1", port));
    assertNoTrace(id);
  }

  @Test
  void hostPortsInUseAreRefusedAndRandomOnesComeFromTheEphemeralRange() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      Transcript.Result r = t.run("docker run -d -p " + busy.getLocalPort() + ":80 web");
      assertTrue(r.err().contains("Bind for 0.0.0.0:" + busy.getLocalPort() + " failed: port is already allocated"),
          r.err());
    }
    Transcript.Result all = t.run("docker run -d -P --name pall web");
    ids.add(all.out().strip());
    String mapping = t.run("docker port pall").out();
    assertTrue(mapping.startsWith("80/tcp -> 0.0.0.0:"), mapping);
    int random = Integer.parseInt(mapping.strip().substring(mapping.lastIndexOf(':') + 1));
    String[] range = String.join(" ", Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))).trim().split("\\s+");
    assertTrue(random >= Integer.parseInt(range[0]) && random <= Integer.parseInt(range[1]), mapping);
    assertTrue(getSoon("127.0.0.1", random).contains("docklab's web image"));

    int local = freePort();
    Transcript.Result one = t.run("docker run -d -p 127.0.0.1:" + local + ":80 -p 80 --expose 443 --name two web");
    ids.add(one.out().strip());
    String ps = t.run("docker ps --filter name=two --format '{{.Ports}}'").out();
    assertTrue(ps.matches("0\\.0\\.0\\.0:\\d+->80/tcp, 127\\.0\\.0\\.1:" + local + "->80/tcp, 443/tcp\n"), ps);
    assertTrue(getSoon("127.0.0.1", local).contains("docklab's web image"));

    assertEquals("two\n", t.run("docker ps --filter expose=443 --format '{{.Names}}'").out());
    assertEquals("two\npall\n", t.run("docker ps --filter publish=80 --format '{{.Names}}'").out());
    assertEquals("", t.run("docker ps --filter network=host --format '{{.Names}}'").out());
    int udp = freePort();
    Transcript.Result u = t.run("docker run -d -p " + udp + ":53/udp --name udp busybox sleep 60");
    ids.add(u.out().strip());
    assertEquals("53/udp -> 0.0.0.0:" + udp + "\n", t.run("docker port udp").out());
    String ip = t.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' udp").out().strip();
    assertTrue(iptablesNat().contains("-p udp -m udp --dport " + udp + " -j DNAT --to-destination " + ip + ":53"),
        "the kernel forwards the UDP port");
    t.run("docker rm -f pall two udp");
  }

  @Test
  void noneAndHostNetworksAndUnknownOnes() throws Exception {
    assertEquals("lo\n", t.run("docker run --rm --network none busybox ls /sys/class/net").out());
    String host = t.run("docker run --rm --network host busybox ls /sys/class/net").out();
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      assertTrue(host.contains(nif.getName() + "\n"), "host network sees " + nif.getName() + ": " + host);
    }
    assertEquals(Files.readAllLines(Path.of("/proc/sys/kernel/hostname")).get(0) + "\n",
        t.run("docker run --rm --net host busybox hostname").out());
    assertTrue(t.run("docker run --rm -p 1:1 --network host busybox true").err()
        .contains("WARNING: Published ports are discarded when using host network mode"));
    // --network container:NAME: the same namespace, so the web server is on this container's localhost
    t.run("docker run -d --name shared web");
    Transcript.Result joined = t.run("docker run --rm --network container:shared busybox sh -c "
        + "'for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://127.0.0.1/ && exit 0; sleep 0.2; done; exit 1'");
    assertTrue(joined.out().contains("docklab's web image"), joined.out() + joined.err());
    assertTrue(t.run("docker run --rm -p 1:1 --network container:shared busybox true").err()
        .contains("conflicting options: port publishing and the container type network mode"));
    t.run("docker stop shared");
    assertTrue(t.run("docker run --rm --network container:shared busybox true").err()
        .contains("cannot join network namespace of a non running container"));
    t.run("docker rm shared");
    Transcript.Result unknown = t.run("docker run --rm --network nosuch busybox true");
    assertNotEquals(0, unknown.status());
    assertTrue(unknown.err().contains("network nosuch not found"), unknown.err());
    Transcript.Result group = t.run("docker network");
    assertTrue(group.out().contains("Usage:  docker network COMMAND\n") && group.out().contains("\n  ls          List networks\n"),
        group.out());
    Transcript.Result frob = t.run("docker network frob");
    assertEquals(1, frob.status());
    assertTrue(frob.err().startsWith("docker: 'network frob' is not a docker command.\n"), frob.err());
    String ls = t.run("docker network ls").out();
    assertTrue(ls.startsWith("NETWORK ID     NAME      DRIVER    SCOPE\n"), ls);
    assertTrue(ls.contains(" bridge    bridge    local\n") && ls.contains(" host      host      local\n")
        && ls.contains(" none      null      local\n"), ls);
  }

  @Test
  void onAUserNetworkContainersFindEachOtherByName() throws Exception {
    String id = t.run("docker network create lessonnet").out().strip();
    assertTrue(id.matches("[0-9a-f]{64}"), id);
    String device = "dl-" + id.substring(0, 12);
    assertTrue(t.run("docker network ls").out().contains(id.substring(0, 12) + "   lessonnet   bridge    local\n"));
    String db = t.run("docker run -d --name db --network lessonnet web").out().strip();
    String app = t.run("docker run -d --name app --network lessonnet busybox sleep 60").out().strip();
    ids.add(db);
    ids.add(app);
    String dbIp = t.run("docker inspect -f '{{.NetworkSettings.Networks.lessonnet.IPAddress}}' db").out().strip();
    assertTrue(dbIp.startsWith("172."), dbIp);
    assertTrue(t.run("docker exec app cat /etc/hosts").out().contains(dbIp + "\tdb " + db.substring(0, 12) + "\n"));
    Transcript.Result byName = t.run("docker exec app sh -c "
        + "'for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://db/ && exit 0; sleep 0.2; done; exit 1'");
    assertTrue(byName.out().contains("docklab's web image"), "by name: " + byName.err());
    assertFalse(t.run("docker run --rm busybox cat /etc/hosts").out().contains("\tdb "),
        "names resolve on user networks only, as on Docker's default bridge");
    assertEquals("app\ndb\n", t.run("docker ps --filter network=lessonnet --format '{{.Names}}'").out());
    assertTrue(t.run("docker network inspect -f '{{json .Containers}}' lessonnet").out().contains("\"Name\":\"db\""));
    assertTrue(t.run("docker network rm lessonnet").err().contains("has active endpoints"));
    t.run("docker rm -f app");
    assertFalse(t.run("docker exec db cat /etc/hosts").out().contains("\tapp "), "app left: its name goes");
    t.run("docker rm -f db");
    assertEquals("lessonnet\n", t.run("docker network rm lessonnet").out());
    assertFalse(Files.exists(Path.of("/sys/class/net", device)), "the bridge " + device + " is gone");
    assertFalse(iptablesNat().contains(device), "its rules are gone");
    assertTrue(t.run("docker network rm bridge").err().contains("bridge is a pre-defined network and cannot be removed"));
    assertTrue(t.run("docker run --rm --network lessonnet busybox true").err().contains("network lessonnet not found"));
  }

  @Test
  void badPortSpecsGetDockersMessagesAndCreateNothing() {
    String before = t.run("docker ps -aq").out();
    for (String[] c : new String[][] {{"70000:80", "invalid hostPort: 70000"},
        {"8080:http", "invalid containerPort: http"}, {"1.2.3:8080:80", "invalid IP address: 1.2.3"},
        {"8080:80/xyz", "invalid proto: xyz"}}) {
      Transcript.Result r = t.run("docker run -d -p " + c[0] + " web");
      assertEquals(125, r.status());
      assertTrue(r.err().startsWith("docker: " + c[1]), r.err());
    }
    assertEquals(before, t.run("docker ps -aq").out());
  }

  @Test
  void networksLeftWhileNoDocklabRanAreTakenDownWhenOneOpens() throws Exception {
    // A container that ends while no docklab is open: its namespace and rules wait for the next one.
    int port = freePort();
    String id = t.run("docker run -d -p " + port + ":80 --name brief busybox sleep 1").out().strip();
    ids.add(id);
    Path netns = Path.of("/run/netns/docklab-" + id.substring(0, 12));
    assertTrue(Files.exists(netns));
    Thread.sleep(1500);
    assertTrue(Files.exists(netns), "no docklab ran to take it down");
    assertTrue(t.run("docker ps -a --filter name=brief").out().contains("Exited (0)"));
    assertNoTrace(id);

    // A docklab that died between recording an exit and taking its network down left a note of it.
    String ghost = "0123456789ab".repeat(5) + "cdef";
    ids.add(ghost);
    Process add = new ProcessBuilder("ip", "netns", "add", "docklab-" + ghost.substring(0, 12)).start();
    assertEquals(0, add.waitFor());
    Path note = Files.createDirectories(t.root.resolve("network/endpoints")).resolve(ghost + ".json");
    Files.writeString(note, "{\"network\":\"bridge\",\"sandboxKey\":\"/run/netns/docklab-" + ghost.substring(0, 12)
        + "\"}");
    t.run("docker ps");
    assertFalse(Files.exists(note), "the note is done with");
    assertNoTrace(ghost);
    t.run("docker rm brief");
  }

  /** Nothing of the container is left on the host: namespace, lease, NAT rules, veth. */
  static void assertNoTrace(String id) throws IOException {
    assertFalse(Files.exists(Path.of("/run/netns/docklab-" + id.substring(0, 12))), "network namespace of " + id);
    Path leases = Path.of("/run/docklab/ipam/docklab");
    if (Files.isDirectory(leases)) {
      try (Stream<Path> files = Files.list(leases)) {
        for (Path f : files.toList()) {
          assertFalse(Files.readString(f).contains(id), "address lease " + f + " of " + id);
        }
      }
    }
    assertFalse(iptablesNat().contains(id), "NAT rules of " + id);
  }

  static String iptablesNat() throws IOException {
    try {
      Process p = new ProcessBuilder("iptables-save", "-t", "nat").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** An IPv4 address of this host that is not loopback and not docklab's bridge. */
  static String hostAddress() throws IOException {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nif.isUp() && !nif.isLoopback() && !nif.getName().startsWith("docklab")) {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    }
    throw new IOException("no IPv4 address besides loopback");
  }

  /** An HTTP/1.0 GET, as curl would send it: the whole response. */
  static String get(String host, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 3000);
      s.setSoTimeout(5000);
      s.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      try (InputStream in = s.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /** A GET once httpd listens: a started container's server may need a moment to bind its port. */
  static String getSoon(String host, int port) throws Exception {
    for (int i = 0; ; i++) {
      try {
        return get(host, port);
      } catch (ConnectException e) {
        if (i == 50) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  static boolean answers(String host, int port) {
    try {
      return !get(host, port).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
