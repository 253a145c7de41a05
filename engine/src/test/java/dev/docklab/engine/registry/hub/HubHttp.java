package dev.docklab.engine.registry.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP to a hub in this process, as clients send it: tokens and calls through the JDK's client, and
 * raw sockets for what that client will not do (a body that stalls, another source address).
 */
final class HubHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  final int port;
  final String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HubHttp(int port) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String tokenPath(String... scopes) {
    StringBuilder url = new StringBuilder("/token?service=docklab-hub");
    for (String s : scopes) {
      url.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  /** {@code GET /token} with Basic credentials, from 127.0.0.1. */
  HttpResponse<String> login(String user, String password, String... scopes) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + tokenPath(scopes))).timeout(Duration.ofSeconds(10))
        .header("Authorization", basic(user, password)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** A token for {@code user}; fails the test when the hub will not give one. */
  String token(String user, String password, String... scopes) throws Exception {
    HttpResponse<String> r = login(user, password, scopes);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).path("token").asText();
  }

  HttpResponse<byte[]> call(String method, String path, String token, byte[] body, Duration timeout)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(timeout).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The first error's code in a distribution error body. */
  static String code(byte[] body) throws IOException {
    return JSON.readTree(body).path("errors").path(0).path("code").asText();
  }

  /** A response read off a raw socket. */
  record Raw(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Opens a connection from {@code source} (any loopback address) to the hub. */
  Socket connect(String source) throws IOException {
    return new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(source), 0);
  }

  /** {@code GET /token} with Basic credentials, from {@code source}. */
  Raw login(String source, String user, String password) throws IOException {
    try (Socket s = connect(source)) {
      s.setSoTimeout(10_000);
      String head = "GET " + tokenPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
          + basic(user, password) + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return read(s.getInputStream());
    }
  }

  /**
   * Starts a request whose head declares {@code declared} bytes of body and sends only {@code sent} of
   * them: the socket is left open, for the caller to trickle more or to read the answer.
   */
  Socket startBody(String method, String path, String token, long declared, byte[] sent) throws IOException {
    Socket s = connect("127.0.0.1");
    String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
        + token + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + declared + "\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(sent);
    out.flush();
    return s;
  }

  /** Reads one response: status line, headers, and a body of Content-Length bytes (or up to EOF). */
  static Raw read(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      throw new IOException("the hub closed the connection without an answer");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
    }
    byte[] body = headers.containsKey("content-length")
        ? in.readNBytes(Integer.parseInt(headers.get("content-length"))) : in.readAllBytes();
    return new Raw(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }
}
