package dev.docklab.engine.registry.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's tokens: what it issues verifies; a token signed with its key but unbounded in time does not. */
class TokensTest {
  @TempDir
  Path dir;

  /** A token as the hub would sign it, for the caller to leave claims out of or change. */
  static JWTCreator.Builder signedLikeTheHub(Instant now) {
    return JWT.create().withIssuer(Tokens.SERVICE).withSubject("alice").withAudience(Tokens.SERVICE)
        .withIssuedAt(now).withNotBefore(now.minusSeconds(5))
        .withClaim("access", List.of(Map.of("type", "repository", "name", "alice/app", "actions", List.of("push"))));
  }

  @Test
  void verifiesWhatItIssues() throws Exception {
    Tokens tokens = new Tokens(dir.resolve("key"));
    String token = tokens.issue("alice", List.of(new Tokens.Access("repository", "alice/app", List.of("pull"))),
        Instant.now());
    Tokens.Verified verified = tokens.verify(token);
    assertNotNull(verified);
    assertEquals("alice", verified.subject());
    assertEquals("alice/app", verified.access().get(0).name());
  }

  @Test
  void refusesATokenWithoutExpiry() throws Exception {
    Tokens tokens = new Tokens(dir.resolve("key"));
    Algorithm key = Algorithm.HMAC256(Files.readAllBytes(dir.resolve("key")));
    String forever = signedLikeTheHub(Instant.now()).sign(key);
    assertNull(tokens.verify(forever), "a token without exp would be good forever");
  }

  @Test
  void refusesATokenThatExpiresLaterThanTheHubEverIssues() throws Exception {
    Tokens tokens = new Tokens(dir.resolve("key"));
    Algorithm key = Algorithm.HMAC256(Files.readAllBytes(dir.resolve("key")));
    Instant now = Instant.now();
    assertNotNull(tokens.verify(signedLikeTheHub(now).withExpiresAt(now.plusSeconds(Tokens.LIFETIME_SECONDS))
        .sign(key)));
    assertNull(tokens.verify(signedLikeTheHub(now).withExpiresAt(now.plusSeconds(365L * 24 * 3600)).sign(key)),
        "a year is not five minutes");
  }
}
