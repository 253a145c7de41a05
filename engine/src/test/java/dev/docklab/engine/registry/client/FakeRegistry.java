package dev.docklab.engine.registry.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.docklab.engine.api.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A registry on 127.0.0.1 that serves what it was given and notes each request ({@code GET /v2/...}). */
final class FakeRegistry implements AutoCloseable {
  private record Response(int status, String contentType, byte[] body) {}

  private final HttpServer server;
  private final Map<String, Response> routes = new ConcurrentHashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> tokenQueries = Collections.synchronizedList(new ArrayList<>());
  final List<String> tokenLogins = Collections.synchronizedList(new ArrayList<>());
  private volatile Predicate<HttpExchange> authorized = ex -> true;
  private volatile String challenge;
  private boolean closed;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void blob(String repo, Digest d, byte[] bytes) {
    routes.put("/v2/" + repo + "/blobs/" + d, new Response(200, "application/octet-stream", bytes));
  }

  void manifest(String repo, String reference, String mediaType, byte[] bytes) {
    routes.put("/v2/" + repo + "/manifests/" + reference, new Response(200, mediaType, bytes));
  }

  void fail(String path, int status, String body) {
    routes.put(path, new Response(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Answers 401 with a Bearer challenge unless the request carries {@code token}; the realm gives that
   * token to anonymous callers and refuses any login (its password is never right).
   */
  void requireBearer(String token, String realm, String service) {
    challenge = "Bearer realm=\"" + realm + "\",service=\"" + service + "\"";
    authorized = ex -> ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"));
    routes.put("/token", new Response(200, "application/json",
        ("{\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8)));
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    Response r;
    if (path.equals("/token")) {
      tokenQueries.add(URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
      String basic = ex.getRequestHeaders().getFirst("Authorization");
      tokenLogins.add(basic == null ? null
          : new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8));
      r = basic == null ? routes.get(path) : new Response(401, "application/json",
          "{\"details\":\"incorrect username or password\"}".getBytes(StandardCharsets.UTF_8));
    } else {
      requests.add(ex.getRequestMethod() + " " + path);
      if (!authorized.test(ex)) {
        ex.getResponseHeaders().add("WWW-Authenticate", challenge);
        r = error(401, "UNAUTHORIZED", "authentication required");
      } else {
        r = routes.get(path);
        if (r == null) {
          r = path.contains("/manifests/") ? error(404, "MANIFEST_UNKNOWN", "manifest unknown")
              : error(404, "BLOB_UNKNOWN", "blob unknown to registry");
        }
      }
    }
    ex.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
    ex.getResponseHeaders().add("Content-Type", r.contentType());
    ex.sendResponseHeaders(r.status(), r.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(r.body());
    }
  }

  private static Response error(int status, String code, String message) {
    return new Response(status, "application/json", ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\""
        + message + "\",\"detail\":null}]}").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.stop(0);
    }
  }
}
