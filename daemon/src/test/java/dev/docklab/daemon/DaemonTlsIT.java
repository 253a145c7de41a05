package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docklab daemon} on a TCP address beyond loopback through TLS, as dockerd with {@code --tlsverify}:
 * the real docker CLI with a client certificate signed by the CA connects, one without is refused.
 */
class DaemonTlsIT {
  static Path root;
  static Path certs;
  static Engine engine;
  static Daemon daemon;
  static String address;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DockerCli.BINARY), "the docker CLI is at " + DockerCli.BINARY);
    String ip = nonLoopbackAddress();
    assumeTrue(ip != null, "this machine has an IPv4 address beyond loopback");
    root = Files.createTempDirectory("docklab-tls-");
    certs = Files.createTempDirectory("docklab-tls-certs-");
    makeCertificates(ip);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EventHub events = new EventHub();
    engine = Engine.open(EngineOptions.at(root), events);
    daemon = new Daemon(engine, events);
    daemon.start(List.of(ListenAddress.parse("tcp://" + ip + ":" + port)),
        new TlsFiles(certs.resolve("ca.pem"), certs.resolve("server-cert.pem"), certs.resolve("server-key.pem"), true));
    address = "tcp://" + ip + ":" + port;
  }

  @AfterAll
  static void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    if (engine != null) {
      engine.close();
    }
    for (Path dir : new Path[] {root, certs}) {
      if (dir != null) {
        try (var all = Files.walk(dir)) {
          for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /** The version of the server's Engine component: docklab's own (the top level names the Docker release). */
  private static final String ENGINE_VERSION =
      "{{range .Server.Components}}{{if eq .Name \"Engine\"}}{{.Version}}{{end}}{{end}}";

  @Test
  void theCliWithACertificateSignedByTheCaConnects() throws Exception {
    Result r = docker("--tlsverify", "--tlscacert", certs.resolve("ca.pem").toString(), "--tlscert",
        certs.resolve("client-cert.pem").toString(), "--tlskey", certs.resolve("client-key.pem").toString(), "-H",
        address, "version", "--format", ENGINE_VERSION);
    assertEquals(0, r.status(), r.out());
    assertEquals(Engine.VERSION + "\n", r.out(), "docklab's engine answers");
  }

  @Test
  void aClientWithoutACertificateIsRefused() throws Exception {
    Result r = docker("--tlsverify", "--tlscacert", certs.resolve("ca.pem").toString(), "-H", address, "version",
        "--format", "{{.Server.Version}}");
    assertNotEquals(0, r.status(), r.out());
    assertTrue(r.out().contains("certificate") || r.out().contains("tls"), r.out());
  }

  @Test
  void plainHttpIsNotServedThere() throws Exception {
    Result r = docker("-H", address, "version", "--format", "{{.Server.Version}}");
    assertNotEquals(0, r.status(), r.out());
  }

  private record Result(int status, String out) {}

  /** The docker CLI with a home and config of its own (so no certificate of the machine's is picked up). */
  private static Result docker(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(DockerCli.BINARY.toString(), "--config", certs.resolve("cli").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", certs.toString());
    pb.environment().remove("DOCKER_HOST");
    pb.environment().remove("DOCKER_CERT_PATH");
    pb.environment().remove("DOCKER_TLS_VERIFY");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }

  private static String nonLoopbackAddress() throws IOException {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!n.isUp() || n.isLoopback() || n.getName().startsWith("docklab") || n.getName().startsWith("dl-")
          || n.getName().startsWith("veth")) {
        continue;
      }
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return a.getHostAddress();
        }
      }
    }
    return null;
  }

  /** A CA, a server certificate for {@code ip} and a client certificate, as Docker's TLS guide makes them. */
  private static void makeCertificates(String ip) throws Exception {
    Files.writeString(certs.resolve("server.ext"), "subjectAltName = IP:" + ip + ",IP:127.0.0.1\n"
        + "extendedKeyUsage = serverAuth\n");
    Files.writeString(certs.resolve("client.ext"), "extendedKeyUsage = clientAuth\n");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=docklab test CA",
        "-keyout", "ca-key.pem", "-out", "ca.pem");
    for (String who : List.of("server", "client")) {
      openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + who, "-keyout", who + "-key.pem", "-out",
          who + ".csr");
      openssl("x509", "-req", "-days", "1", "-in", who + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
          "-CAcreateserial", "-extfile", who + ".ext", "-out", who + "-cert.pem");
    }
  }

  private static void openssl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(certs.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }
}
