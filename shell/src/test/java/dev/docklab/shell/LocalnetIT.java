package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container cannot reach what the host binds to 127.0.0.1 only (the class of CVE-2020-8558): portmap
 * sets route_localnet on a bridge once a container on it publishes a port, and a raw SYN to
 * 127.0.0.1 sent to the gateway's MAC must then be dropped, on docklab0 and on a user network's
 * bridge, while published ports keep answering on localhost and through the host's address.
 */
class LocalnetIT {
  static final String RULE = "-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT";
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-localnet-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void onTheDefaultBridgeARawSynToTheHostsLoopbackIsDropped() throws Exception {
    int port = NetworkIT.freePort();
    assertEquals(0, t.run("docker run -d -p " + port + ":80 --name lweb web").status());
    String probe = t.run("docker run -d --name lprobe busybox sleep 120").out().strip();
    assertEquals("1", sysctl("net/ipv4/conf/docklab0/route_localnet"), "portmap let the bridge route 127/8");
    try (ServerSocket local = new ServerSocket()) {
      local.bind(new InetSocketAddress("127.0.0.1", 0));
      assertEquals("NOTHING", synProbe(probe, "docklab0", local.getLocalPort()),
          "a SYN from the container reached a server bound to 127.0.0.1 only");
    }
    assertEquals(1, inputRules("docklab0"), "the drop rule is there, once");
    String explained = t.run("explain network lweb").out();
    assertTrue(explained.contains("(CVE-2020-8558)") && explained.contains("  iptables -S INPUT | grep docklab0\n"),
        explained);

    assertTrue(NetworkIT.getSoon("127.0.0.1", port).contains("docklab's web image"), "localhost from the host");
    String gateway = t.run("docker inspect -f '{{.NetworkSettings.Gateway}}' lprobe").out().strip();
    for (String host : List.of(NetworkIT.hostAddress(), gateway)) {
      Transcript.Result peer = t.run("docker exec lprobe wget -q -O - http://" + host + ":" + port + "/");
      assertTrue(peer.out().contains("docklab's web image"), "another container through " + host + ": " + peer.err());
    }
    t.run("docker rm -f lweb lprobe");
    assertEquals(1, inputRules("docklab0"), "docklab0's rules stay, as its masquerade rule does");
  }

  @Test
  void onAUserNetworksBridgeToo() throws Exception {
    String net = t.run("docker network create localnet").out().strip();
    String device = "dl-" + net.substring(0, 12);
    int port = NetworkIT.freePort();
    assertEquals(0, t.run("docker run -d -p " + port + ":80 --network localnet --name uweb web").status());
    String probe = t.run("docker run -d --network localnet --name uprobe busybox sleep 120").out().strip();
    assertEquals("1", sysctl("net/ipv4/conf/" + device + "/route_localnet"));
    try (ServerSocket local = new ServerSocket()) {
      local.bind(new InetSocketAddress("127.0.0.1", 0));
      assertEquals("NOTHING", synProbe(probe, device, local.getLocalPort()),
          "a SYN from a container on " + device + " reached a server bound to 127.0.0.1 only");
    }
    assertEquals(1, inputRules(device));
    assertTrue(NetworkIT.getSoon("127.0.0.1", port).contains("docklab's web image"), "localhost from the host");
    t.run("docker rm -f uweb uprobe");
    assertEquals("localnet\n", t.run("docker network rm localnet").out());
    assertEquals(0, inputRules(device), "the network's rules go with it");
  }

  /**
   * Runs syn-probe.py in the container's network namespace with the host's python: a SYN to
   * 127.0.0.1:{@code port} out of eth0 to the MAC of {@code bridge}, the container's gateway.
   */
  static String synProbe(String containerId, String bridge, int port) throws IOException, InterruptedException {
    String ip = t.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' " + containerId)
        .out().strip();
    String mac = t.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.MacAddress}}{{end}}' " + containerId)
        .out().strip();
    String gatewayMac = Files.readAllLines(Path.of("/sys/class/net", bridge, "address")).get(0).strip();
    // ordinary traffic first, as any container makes: the host learns the container's MAC, or its answer
    // (from 127.0.0.1, whose ARP requests the container ignores) would never leave
    String gateway = t.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}' " + containerId)
        .out().strip();
    assertEquals(0, t.run("docker exec " + containerId + " ping -c 1 -W 2 " + gateway).status(), "ping " + gateway);
    Process p = new ProcessBuilder("ip", "netns", "exec", "docklab-" + containerId.substring(0, 12),
        "/usr/bin/python3", "-", "eth0", mac, gatewayMac, ip, "127.0.0.1", String.valueOf(port))
        .redirectErrorStream(true).start();
    try (InputStream script = LocalnetIT.class.getResourceAsStream("syn-probe.py");
        OutputStream in = p.getOutputStream()) {
      script.transferTo(in);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /** How many of docklab's localnet drop rules for {@code device} the INPUT chain holds. */
  static long inputRules(String device) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("iptables", "-w", "-S", "INPUT").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().filter(l -> l.startsWith("-A INPUT -d 127.0.0.0/8 -i " + device + " " + RULE)
        && l.endsWith(" -j DROP")).count();
  }

  static String sysctl(String path) throws IOException {
    return Files.readAllLines(Path.of("/proc/sys", path)).get(0).strip();
  }
}
