package dev.docklab.engine.registry.hub;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hub's bearer tokens, as Docker's token authentication specifies them: a JWT signed by the hub
 * (HMAC-SHA256 with a key made on first start, mode 600), naming the user, the service, when it
 * expires, and for each repository the actions granted.
 */
public final class Tokens {
  public static final String SERVICE = "docklab-hub";
  public static final int LIFETIME_SECONDS = 300;
  /** Clock skew forgiven on {@code nbf}, {@code iat} and {@code exp}. */
  private static final int LEEWAY_SECONDS = 5;
  private final Algorithm algorithm;

  /** One grant: {@code repository:library/busybox:pull,push}. */
  public record Access(String type, String name, List<String> actions) {}

  /** A verified token: whom it was issued to (empty: anonymous) and what it grants. */
  public record Verified(String subject, List<Access> access) {}

  public Tokens(Path keyFile) throws IOException {
    if (!Files.exists(keyFile)) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      AtomicFiles.write(keyFile, key);
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    }
    this.algorithm = Algorithm.HMAC256(Files.readAllBytes(keyFile));
  }

  /** A signed token for {@code subject} (empty for anonymous) with {@code access}. */
  public String issue(String subject, List<Access> access, Instant now) {
    List<Map<String, Object>> claims = new ArrayList<>();
    for (Access a : access) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", a.type());
      m.put("name", a.name());
      m.put("actions", a.actions());
      claims.add(m);
    }
    return JWT.create().withIssuer(SERVICE).withSubject(subject).withAudience(SERVICE)
        .withIssuedAt(now).withNotBefore(now.minusSeconds(5)).withExpiresAt(now.plusSeconds(LIFETIME_SECONDS))
        .withJWTId(UUID.randomUUID().toString()).withClaim("access", claims).sign(algorithm);
  }

  /**
   * What a valid token says, or null when it is forged, expired, not for this hub, or not bounded
   * in time as the hub's own are (no expiry, or one further off than a token's lifetime).
   */
  public Verified verify(String token) {
    try {
      DecodedJWT jwt = JWT.require(algorithm).withIssuer(SERVICE).withAudience(SERVICE).acceptLeeway(LEEWAY_SECONDS)
          .build().verify(token);
      Instant expires = jwt.getExpiresAtAsInstant();
      if (expires == null || expires.isAfter(Instant.now().plusSeconds(LIFETIME_SECONDS + LEEWAY_SECONDS))) {
        return null;
      }
      List<Access> out = new ArrayList<>();
      List<Map<String, Object>> list = jwt.getClaim("access").asList(Map.class) == null ? List.of()
          : castList(jwt.getClaim("access").asList(Map.class));
      for (Map<String, Object> m : list) {
        @SuppressWarnings("unchecked")
        List<String> actions = (List<String>) m.getOrDefault("actions", List.of());
        out.add(new Access(String.valueOf(m.get("type")), String.valueOf(m.get("name")), actions));
      }
      return new Verified(jwt.getSubject() == null ? "" : jwt.getSubject(), out);
    } catch (JWTVerificationException e) {
      return null;
    }
  }


  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Map<String, Object>> castList(List<Map> list) {
    return (List<Map<String, Object>>) (List) list;
  }
}
