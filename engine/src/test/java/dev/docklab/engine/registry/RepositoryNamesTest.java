package dev.docklab.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.registry.client.Credentials;
import dev.docklab.engine.registry.client.RegistryClient;
import dev.docklab.engine.registry.client.RegistryConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryNamesTest {
  @Test
  void namesAndTagsFollowTheDistributionSpec() {
    for (String ok : List.of("busybox", "library/busybox", "alice/my-app", "a/b/c", "team.x/app__1")) {
      assertTrue(RepositoryNames.validName(ok), ok);
    }
    for (String bad : List.of("", "Alice/app", "../etc", "a//b", "a/../b", "/abs", "a/", "-x", "a/.hidden", "x".repeat(256))) {
      assertFalse(RepositoryNames.validName(bad), bad);
    }
    assertTrue(RepositoryNames.validTag("v1.0-rc_1"));
    assertFalse(RepositoryNames.validTag(".hidden"));
    assertFalse(RepositoryNames.validTag("a/b"));
    assertFalse(RepositoryNames.validTag("x".repeat(129)));
  }

  @Test
  void theDefaultsMakeTheHubDockerHubsMirror() {
    RegistryConfig c = RegistryConfig.defaults();
    assertEquals(List.of("http://127.0.0.1:5000"), c.mirrors());
    assertTrue(c.isHub("localhost:5000") && c.isHub("127.0.0.1:5000") && !c.isHub("localhost:5001"));
    assertTrue(c.insecure("localhost:5000") && c.insecure("127.0.0.1:8080"));
    assertFalse(c.insecure("registry.example.com"));
  }

  @Test
  void loginAndPushOfDockerHubNamesGoToTheHubOnlyWhileItIsTheMirror() {
    RegistryClient defaults = new RegistryClient(RegistryConfig.defaults(), new Credentials(Path.of("/nonexistent")),
        null);
    assertTrue(RegistryConfig.defaults().hubIsDockerHub());
    assertEquals("127.0.0.1:5000", defaults.target("docker.io").host());
    assertEquals("http://127.0.0.1:5000", defaults.target("index.docker.io").base().toString());
    assertEquals("registry.example.com", defaults.target("registry.example.com").host(), "a named registry is itself");
    RegistryConfig realMirror = new RegistryConfig(List.of("https://mirror.example.com"), null, null);
    assertFalse(realMirror.hubIsDockerHub());
    RegistryClient docker = new RegistryClient(realMirror, new Credentials(Path.of("/nonexistent")), null);
    assertEquals("https://registry-1.docker.io", docker.target("docker.io").base().toString(), "Docker's own behaviour");
    assertTrue(new RegistryConfig(List.of("localhost:5000/"), null, null).hubIsDockerHub());
  }
}
