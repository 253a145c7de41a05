package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * testcontainers-java, as a Java project's tests use it, against a docklab daemon: {@code DOCKER_HOST}
 * (set by the build, with Ryuk off) names the socket this test serves an engine on.
 */
class JavaTestcontainersIT {
  static DaemonFixture f;

  @BeforeAll
  static void serve() throws Exception {
    String host = System.getenv("DOCKER_HOST");
    assertNotNull(host, "the build sets DOCKER_HOST for this test (daemon/pom.xml)");
    assertEquals("true", System.getenv("TESTCONTAINERS_RYUK_DISABLED"), "Ryuk's image cannot be pulled here");
    Path socket = Path.of(URI.create(host).getPath());
    Files.createDirectories(socket.getParent());
    f = DaemonFixture.start(socket);
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void aWebContainerWaitedOnByHttpAnswersOnItsMappedPortAndRunsAnExec() throws Exception {
    String id;
    try (GenericContainer<?> web = new GenericContainer<>(DockerImageName.parse("web")).withExposedPorts(80)
        .waitingFor(Wait.forHttp("/").forStatusCode(200)).withStartupTimeout(Duration.ofSeconds(60))) {
      web.start();
      id = web.getContainerId();
      int port = web.getMappedPort(80);
      assertTrue(port > 0 && port != 80, "a random host port: " + port);
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://" + web.getHost() + ":" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      ExecResult exec = web.execInContainer("sh", "-c", "echo from-exec; echo oops >&2; exit 3");
      assertEquals("from-exec\n", exec.getStdout());
      assertEquals("oops\n", exec.getStderr());
      assertEquals(3, exec.getExitCode());
      assertTrue(web.getLogs().contains("response:200"), "the request is in its log: " + web.getLogs());
    }
    assertTrue(f.engine.containers().list(true).stream().noneMatch(c -> c.id().equals(id)),
        "stopped and removed by testcontainers");
  }

  @Test
  void aBusyboxContainerWaitedOnByALogLine() {
    try (GenericContainer<?> box = new GenericContainer<>(DockerImageName.parse("busybox"))
        .withCommand("sh", "-c", "echo ready; exec sleep 300").waitingFor(Wait.forLogMessage("ready\\n", 1))
        .withStartupTimeout(Duration.ofSeconds(60))) {
      box.start();
      assertTrue(box.isRunning());
      assertEquals("ready\n", box.getLogs());
    }
  }
}
