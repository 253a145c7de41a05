package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pushed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /auth} ({@code docker login}) and {@code POST /images/NAME/push} with Docker's JSON
 * progress stream. The client's credentials ({@code X-Registry-Auth}) are given to the engine's
 * login before the push, as the engine pushes with the logins it keeps.
 */
final class PushRoute {
  private final Engine engine;

  PushRoute(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("POST", "/auth", this::login)
        .on("POST", "/images/(.+)/push", this::push);
  }

  private void login(Exchange x) {
    JsonNode body = x.body();
    String server = body.path("serveraddress").asText("");
    engine.registries().login(server.isEmpty() ? null : registry(server), body.path("username").asText(""),
        body.path("password").asText(""));
    x.json(200, Map.of("Status", "Login Succeeded", "IdentityToken", ""));
  }

  /** {@code https://index.docker.io/v1/} is Docker Hub; other addresses are taken without their scheme. */
  private static String registry(String server) {
    String s = server.replaceFirst("^https?://", "");
    if (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.startsWith("index.docker.io") ? "docker.io" : s;
  }

  private void push(Exchange x) throws IOException {
    String tag = x.query("tag", "");
    String ref = tag.isEmpty() ? x.param(0) : x.param(0) + ":" + tag;
    ImageReference full = ImageReference.parse(ref).withDefaultTag();
    engine.images().inspect(ref);
    String auth = x.header("X-Registry-Auth");
    if (auth != null && !auth.isEmpty()) {
      JsonNode creds = decode(auth);
      String user = creds.path("username").asText("");
      String password = creds.path("password").asText("");
      if (!user.isEmpty() && !password.isEmpty()) {
        engine.registries().login(full.domain(), user, password);
      }
    }
    OutputStream out = x.stream(200, "application/json");
    Progress progress = new Progress() {
      @Override
      public void line(String text) {
        Json.line(out, Json.object().put("status", text));
      }

      @Override
      public void layer(String id, String status, long current, long total) {
        ObjectNode o = Json.object().put("status", status);
        ObjectNode detail = o.putObject("progressDetail");
        if (total > 0) {
          detail.put("current", current).put("total", total);
        }
        Json.line(out, o.put("id", id));
      }
    };
    try {
      Json.line(out, Json.object().put("status", "The push refers to repository [" + full.name() + "]"));
      Pushed pushed = engine.images().push(ref, progress);
      Json.line(out, Json.object().put("status", full.tag() + ": digest: " + pushed.digest() + " size: " + pushed.size()));
      ObjectNode aux = Json.object();
      aux.putObject("progressDetail");
      aux.putObject("aux").put("Tag", full.tag()).put("Digest", pushed.digest().toString()).put("Size", pushed.size());
      Json.line(out, aux);
    } catch (EngineException e) {
      ObjectNode o = Json.object();
      o.putObject("errorDetail").put("message", e.getMessage());
      Json.line(out, o.put("error", e.getMessage()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.close();
  }

  private static JsonNode decode(String header) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(header.trim().replace('+', '-').replace('/', '_'));
      return Json.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw ApiError.badRequest("invalid X-Registry-Auth header: " + e.getMessage());
    }
  }
}
