package dev.docklab.engine.registry.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.registry.client.Credentials;
import dev.docklab.engine.registry.client.RegistryClient;
import dev.docklab.engine.registry.client.RegistryConfig;
import dev.docklab.engine.store.Trees;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Password guessing against the hub, over real HTTP: wrong passwords are answered with 429 and
 * Retry-After as Docker Hub does, the right one works again once the window has passed, and one
 * client's failures do not lock out another user or another address.
 */
class HubLoginLimitsTest {
  /** Three failures for a user from one address, five for a user, eight from an address, in {@code window}. */
  static HubLimits limits(Duration window) {
    return new HubLimits(3, 5, 8, window, 8, 64, 200, Duration.ofSeconds(20), 1024);
  }

  Path root;
  Hub hub;
  HubHttp http;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  void start(Duration window) throws Exception {
    root = Files.createTempDirectory("docklab-hub-login-");
    hub = new Hub(root, limits(window), log::add);
    hub.accounts().add("alice", "alice-pw", false);
    hub.accounts().add("bob", "bob-pw", false);
    hub.accounts().add("carol", "carol-pw", false);
    http = new HubHttp(hub.start("127.0.0.1", 0));
  }

  @AfterEach
  void stop() throws Exception {
    if (hub != null) {
      hub.close();
      Trees.deleteRecursively(root);
    }
  }

  @Test
  void wrongPasswordsGet429WithRetryAfterAndTheRightOneWorksAfterTheWindow() throws Exception {
    start(Duration.ofSeconds(3));
    for (int i = 0; i < 3; i++) {
      assertEquals(401, http.login("alice", "guess-" + i).statusCode());
    }
    HttpResponse<String> refused = http.login("alice", "alice-pw");
    assertEquals(429, refused.statusCode(), "even the right password waits: " + refused.body());
    int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("-1"));
    assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
    JsonNode body = HubHttp.JSON.readTree(refused.body());
    assertEquals("TOOMANYREQUESTS", body.path("errors").path(0).path("code").asText(), refused.body());
    assertTrue(body.path("details").asText().startsWith("too many failed login attempts"), refused.body());

    Thread.sleep(retryAfter * 1000L + 100);
    assertEquals(200, http.login("alice", "alice-pw").statusCode(), "the window has passed");

    List<String> lines = List.copyOf(log);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /token 429 ") && l.contains("account=alice")
        && l.contains("remote=127.0.0.1")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /token 401 ") && l.contains("account=alice")),
        String.join("\n", lines));
    assertFalse(lines.stream().anyMatch(l -> l.contains("guess-") || l.contains("alice-pw")),
        "no password in the log: " + lines);
  }

  @Test
  void oneClientsFailuresDoNotLockOutOtherUsersOrAddresses() throws Exception {
    start(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(401, http.login("alice", "guess-" + i).statusCode());
    }
    assertEquals(429, http.login("alice", "alice-pw").statusCode());
    assertEquals(200, http.login("bob", "bob-pw").statusCode(), "another user from the same address");
    assertEquals(200, http.login("127.0.0.2", "alice", "alice-pw").status(), "the same user from elsewhere");

    // but a guess spread over addresses meets the user's own limit
    assertEquals(401, http.login("127.0.0.2", "alice", "guess-3").status());
    assertEquals(401, http.login("127.0.0.3", "alice", "guess-4").status());
    assertEquals(429, http.login("127.0.0.4", "alice", "alice-pw").status(), "five failures for alice in all");

    // and one address guessing many names meets the address's limit, not the others
    for (int i = 0; i < 8; i++) {
      assertEquals(401, http.login("127.0.0.5", "nobody" + i, "guess").status());
    }
    HubHttp.Raw blocked = http.login("127.0.0.5", "carol", "carol-pw");
    assertEquals(429, blocked.status(), blocked.body());
    assertEquals("TOOMANYREQUESTS", blocked.json().path("errors").path(0).path("code").asText());
    assertEquals(200, http.login("127.0.0.6", "carol", "carol-pw").status());
  }

  @Test
  void docklabsClientSaysTooManyRequestsInDockersWords() throws Exception {
    start(Duration.ofMinutes(1));
    Path config = Files.createTempDirectory("docklab-hub-cfg-");
    try {
      String host = "127.0.0.1:" + http.port;
      RegistryClient client = new RegistryClient(new RegistryConfig(List.of(), List.of(host), host),
          new Credentials(config.resolve("config.json")), null);
      RegistryClient.Registry registry = client.registry(host);
      for (int i = 0; i < 3; i++) {
        RegistryError wrong = assertThrows(RegistryError.class,
            () -> client.login(registry, new Credentials.Login("alice", "nope")));
        assertEquals("unauthorized: incorrect username or password", wrong.dockerText());
      }
      RegistryError refused = assertThrows(RegistryError.class,
          () -> client.login(registry, new Credentials.Login("alice", "alice-pw")));
      assertEquals("TOOMANYREQUESTS", refused.code());
      assertEquals(429, refused.status());
      assertTrue(refused.dockerText().matches("toomanyrequests: too many failed login attempts.* try again in \\d+ "
          + "seconds?"), refused.dockerText());
    } finally {
      Trees.deleteRecursively(config);
    }
  }
}
