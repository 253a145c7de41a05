package dev.docklab.engine.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.registry.MediaTypes;
import dev.docklab.engine.registry.RegistryError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the OCI distribution API, as Docker's: finds where an image lives (Docker Hub names go
 * to the mirrors first, then to Docker Hub itself), answers a 401 by fetching a bearer token from the
 * realm the registry names (with the login of {@code docker login}, if any) and trying again, and
 * turns the registry's error codes into Docker's messages.
 */
public final class RegistryClient {
  /** Docker Hub's registry, where {@code docker.io} names are pulled from when no mirror has them. */
  public static final String DOCKER_HUB = "registry-1.docker.io";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private final RegistryConfig config;
  private final Credentials credentials;
  private final Runnable startHub;
  private final EngineListener listener;
  static {
    // The JDK's client reads a response in buffers of jdk.httpclient.bufsize bytes (16 KB when not set),
    // each handed through its queues and copied again by the reader: a 100 MB layer is 6,000 of them, and
    // the client's threads took a tenth of a pull's CPU. Set before the first client is made (the JDK
    // reads it once); a value given on the command line stands.
    if (System.getProperty("jdk.httpclient.bufsize") == null) {
      System.setProperty("jdk.httpclient.bufsize", String.valueOf(256 << 10));
    }
  }

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private volatile boolean hubStarted;

  /** {@code startHub} starts docklab's own hub when its address does not answer (null: never). */
  public RegistryClient(RegistryConfig config, Credentials credentials, Runnable startHub) {
    this(config, credentials, startHub, EngineListener.NONE);
  }

  /** Each HTTP exchange and token is told to {@code listener}, so that {@code explain last} can replay the protocol. */
  public RegistryClient(RegistryConfig config, Credentials credentials, Runnable startHub,
      EngineListener listener) {
    this.config = config;
    this.credentials = credentials;
    this.startHub = startHub;
    this.listener = listener;
  }

  public RegistryConfig config() {
    return config;
  }

  public Credentials credentials() {
    return credentials;
  }

  /** A registry: its host as Docker names it ({@code localhost:5000}, {@code docker.io}) and its base URL. */
  public record Registry(String host, URI base) {
    @Override
    public String toString() {
      return host;
    }
  }

  /** One place to pull a repository from: a registry and the repository's path there. */
  public record Endpoint(Registry registry, String repository, boolean mirror) {}

  /** The registry behind a host name: {@code docker.io} is Docker Hub's registry; http for insecure ones. */
  public Registry registry(String host) {
    if (host.equals(ImageReference.DEFAULT_DOMAIN) || host.equals("index.docker.io")) {
      return new Registry(ImageReference.DEFAULT_DOMAIN, URI.create("https://" + DOCKER_HUB));
    }
    return new Registry(host, URI.create((config.insecure(host) ? "http://" : "https://") + host));
  }

  /**
   * Where {@code docker login}, {@code logout} and {@code push} of {@code host} go: for Docker Hub
   * ({@code docker.io}) docklab's hub when it stands in for Docker Hub ({@link RegistryConfig#hubIsDockerHub}),
   * else the registry itself.
   */
  public Registry target(String host) {
    if ((host.equals(ImageReference.DEFAULT_DOMAIN) || host.equals("index.docker.io")) && config.hubIsDockerHub()) {
      return new Registry(config.hub(), URI.create("http://" + config.hub()));
    }
    return registry(host);
  }

  /** Where {@code ref} may be pulled from, in order: the mirrors for Docker Hub names, then its own registry. */
  public List<Endpoint> pullEndpoints(ImageReference ref) {
    List<Endpoint> out = new ArrayList<>();
    if (ref.domain().equals(ImageReference.DEFAULT_DOMAIN)) {
      for (String mirror : config.mirrors()) {
        URI u = URI.create(mirror.contains("://") ? mirror : "https://" + mirror);
        String host = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        out.add(new Endpoint(new Registry(host, URI.create(u.getScheme() + "://" + host)), ref.path(), true));
      }
    }
    out.add(new Endpoint(registry(ref.domain()), ref.path(), false));
    return out;
  }

  // ---- the API

  /** A manifest as the registry sent it. */
  public record Fetched(String mediaType, byte[] bytes, Digest digest) {}

  /** {@code GET /v2/NAME/manifests/REF}, its digest checked when REF is one. */
  public Fetched manifest(Registry r, String repo, String reference) {
    HttpResponse<byte[]> resp = send(r, scope(repo, "pull"), () -> request(r, "/v2/" + repo + "/manifests/" + reference)
        .header("Accept", String.join(", ", MediaTypes.MANIFESTS)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    check(resp, resp.body());
    byte[] bytes = resp.body();
    Digest digest = Sha256.of(bytes);
    if (Digest.isDigest(reference) && !Digest.parse(reference).equals(digest)) {
      throw EngineException.invalid(EngineMessage.MANIFEST_DIGEST_MISMATCH, reference, r, digest);
    }
    String type = resp.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    try {
      String declared = JSON.readTree(bytes).path("mediaType").asText("");
      if (!declared.isEmpty()) {
        type = declared;
      }
    } catch (IOException e) {
      throw EngineException.invalid(EngineMessage.MANIFEST_FROM_NOT_JSON, r);
    }
    return new Fetched(type, bytes, digest);
  }

  /** A blob's bytes, streamed: {@code GET /v2/NAME/blobs/DIGEST}. The caller checks the digest. */
  public InputStream blob(Registry r, String repo, Digest d) {
    HttpResponse<InputStream> resp = send(r, scope(repo, "pull"), () -> request(r, "/v2/" + repo + "/blobs/" + d).GET(),
        HttpResponse.BodyHandlers.ofInputStream());
    if (resp.statusCode() != 200) {
      try (InputStream in = resp.body()) {
        check(resp, in.readAllBytes());
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.ANSWER_UNREADABLE, e, r, e.getMessage());
      }
    }
    return resp.body();
  }

  /** {@code HEAD /v2/NAME/blobs/DIGEST}: whether the repository has the blob. */
  public boolean hasBlob(Registry r, String repo, Digest d) {
    HttpResponse<byte[]> resp = send(r, scope(repo, "pull,push"), () -> request(r, "/v2/" + repo + "/blobs/" + d)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
    if (resp.statusCode() == 404) {
      return false;
    }
    check(resp, resp.body());
    return true;
  }

  /** Cross-repository mount: true when the registry linked the blob from {@code from}. */
  public boolean mount(Registry r, String repo, Digest d, String from) {
    HttpResponse<byte[]> resp = send(r, scope(repo, "pull,push") + " " + scope(from, "pull"),
        () -> request(r, "/v2/" + repo + "/blobs/uploads/?mount=" + d + "&from=" + enc(from))
            .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
    if (resp.statusCode() == 201) {
      return true;
    }
    if (resp.statusCode() == 202) {
      cancel(r, repo, resp); // it opened an upload instead
      return false;
    }
    check(resp, resp.body());
    return false;
  }

  private void cancel(Registry r, String repo, HttpResponse<?> started) {
    started.headers().firstValue("Location").ifPresent(loc -> {
      try {
        send(r, scope(repo, "pull,push"), () -> HttpRequest.newBuilder(r.base().resolve(loc)).DELETE(),
            HttpResponse.BodyHandlers.discarding());
      } catch (RuntimeException e) {
        // an abandoned upload is cleaned up by the registry
      }
    });
  }

  /** Uploads a blob from a file: {@code POST} a session, then {@code PUT ?digest=} with the bytes. */
  public void upload(Registry r, String repo, Digest d, Path file, LongConsumer progress) {
    String pushScope = scope(repo, "pull,push");
    HttpResponse<byte[]> started = send(r, pushScope, () -> request(r, "/v2/" + repo + "/blobs/uploads/")
        .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
    check(started, started.body());
    String location = started.headers().firstValue("Location")
        .orElseThrow(() -> EngineException.system(EngineMessage.UPLOAD_NO_LOCATION, null, r));
    URI put = r.base().resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + enc(d.toString()));
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.READ_FAILED, e, file, e.getMessage());
    }
    HttpResponse<byte[]> done = send(r, pushScope, () -> HttpRequest.newBuilder(put).timeout(Duration.ofMinutes(30))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
          try {
            return new Counted(Files.newInputStream(file), progress);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }), size)), HttpResponse.BodyHandlers.ofByteArray());
    check(done, done.body());
  }

  /** {@code PUT /v2/NAME/manifests/TAG}; returns the digest the registry gives it. */
  public Digest putManifest(Registry r, String repo, String tag, String mediaType, byte[] bytes) {
    HttpResponse<byte[]> resp = send(r, scope(repo, "pull,push"), () -> request(r, "/v2/" + repo + "/manifests/" + tag)
        .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)),
        HttpResponse.BodyHandlers.ofByteArray());
    check(resp, resp.body());
    return resp.headers().firstValue("Docker-Content-Digest").map(Digest::parse).orElse(Sha256.of(bytes));
  }

  /** {@code GET /v2/NAME/tags/list}: every tag of a repository (following the registry's pages). */
  public List<String> tags(Registry r, String repo) {
    List<String> out = new ArrayList<>();
    String path = "/v2/" + repo + "/tags/list?n=1000";
    while (path != null) {
      String p = path;
      HttpResponse<byte[]> resp = send(r, scope(repo, "pull"), () -> request(r, p).GET(),
          HttpResponse.BodyHandlers.ofByteArray());
      check(resp, resp.body());
      try {
        JSON.readTree(resp.body()).path("tags").forEach(t -> out.add(t.asText()));
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.TAGS_NOT_JSON, e, r);
      }
      path = resp.headers().firstValue("Link").map(l -> l.replaceAll("^<([^>]*)>.*$", "$1")).orElse(null);
    }
    return out;
  }

  /** Docker Hub's {@code GET /v1/search?q=&n=}. */
  public JsonNode search(Registry r, String term, int limit) {
    HttpResponse<byte[]> resp = send(r, null, () -> request(r, "/v1/search?q=" + enc(term) + "&n=" + limit).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
    check(resp, resp.body());
    try {
      return JSON.readTree(resp.body());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.SEARCH_NOT_JSON, e, r);
    }
  }

  /**
   * {@code docker login}: checks the user name and password against the registry (a token for them
   * from its realm, or Basic auth on /v2/); a wrong password is {@code unauthorized}.
   */
  public void login(Registry r, Credentials.Login login) {
    HttpResponse<byte[]> ping = exchange(r, () -> request(r, "/v2/").GET());
    if (ping.statusCode() == 401) {
      Map<String, String> challenge = challenge(ping);
      if (challenge.containsKey("realm")) {
        fetchToken(challenge, null, login);
        return;
      }
      HttpResponse<byte[]> basic = exchange(r, () -> request(r, "/v2/").header("Authorization", basic(login)).GET());
      if (basic.statusCode() == 401) {
        throw new RegistryError("UNAUTHORIZED", 401, "incorrect username or password", null);
      }
      check(basic, basic.body());
      return;
    }
    check(ping, ping.body());
  }

  // ---- auth and transport

  private static String scope(String repo, String actions) {
    return "repository:" + repo + ":" + actions;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(Registry r, String path) {
    return HttpRequest.newBuilder(r.base().resolve(path)).timeout(Duration.ofMinutes(30))
        .header("User-Agent", "docklab/" + Engine.VERSION);
  }

  /**
   * Sends a request; on 401 gets a token for {@code scope} from the realm the registry names (or uses
   * Basic auth when it asks for that) and sends it again once.
   */
  private <T> HttpResponse<T> send(Registry r, String scope, Supplier<HttpRequest.Builder> build,
      HttpResponse.BodyHandler<T> handler) {
    String key = r.host() + " " + scope;
    String token = tokens.get(key);
    HttpResponse<T> resp = exchange(r, () -> withToken(build.get(), token), handler);
    if (resp.statusCode() != 401) {
      return resp;
    }
    drain(resp);
    Map<String, String> challenge = challenge(resp);
    Credentials.Login login = credentials.get(r.host());
    if (challenge.containsKey("realm")) {
      String fresh = fetchToken(challenge, scope, login);
      tokens.put(key, fresh);
      return exchange(r, () -> withToken(build.get(), fresh), handler);
    }
    if (login != null) {
      return exchange(r, () -> build.get().header("Authorization", basic(login)), handler);
    }
    return resp;
  }

  private static HttpRequest.Builder withToken(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private static String basic(Credentials.Login login) {
    return "Basic " + Base64.getEncoder().encodeToString((login.user() + ":" + login.password())
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The parameters of a {@code WWW-Authenticate: Bearer realm=...,service=...,scope=...} header. */
  static Map<String, String> challenge(HttpResponse<?> resp) {
    Map<String, String> out = new LinkedHashMap<>();
    String header = resp.headers().firstValue("WWW-Authenticate").orElse("");
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Matcher m = PARAM.matcher(header);
      while (m.find()) {
        out.put(m.group(1), m.group(2));
      }
    }
    return out;
  }

  private String fetchToken(Map<String, String> challenge, String scope, Credentials.Login login) {
    StringBuilder url = new StringBuilder(challenge.get("realm"));
    url.append(url.indexOf("?") < 0 ? "?" : "&").append("service=").append(enc(challenge.getOrDefault("service", "")));
    String wanted = scope != null ? scope : challenge.get("scope");
    if (wanted != null) {
      for (String s : wanted.split(" ")) {
        url.append("&scope=").append(enc(s));
      }
    }
    if (login != null) {
      url.append("&account=").append(enc(login.user()));
    }
    URI realm = URI.create(url.toString());
    HttpRequest.Builder b = HttpRequest.newBuilder(realm).timeout(Duration.ofSeconds(30)).GET();
    if (login != null) {
      b.header("Authorization", basic(login));
    }
    try {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      String asked = realm.getRawPath() + "?" + URLDecoder.decode(realm.getRawQuery(), StandardCharsets.UTF_8);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      listener.on(login == null
          ? EngineEvent.said(EventStep.TOKEN, realm.getHost(), took, EngineMessage.EVENT_TOKEN_ANONYMOUS, asked,
              resp.statusCode())
          : EngineEvent.said(EventStep.TOKEN, realm.getHost(), took, EngineMessage.EVENT_TOKEN_AS, asked,
              resp.statusCode(), login.user()));
      if (resp.statusCode() == 401) {
        throw new RegistryError("UNAUTHORIZED", 401, "incorrect username or password", null);
      }
      if (resp.statusCode() == 429) {
        check(resp, resp.body());
      }
      if (resp.statusCode() != 200) {
        throw EngineException.system(EngineMessage.TOKEN_STATUS, null, realm.getHost(),
            String.valueOf(resp.statusCode()));
      }
      JsonNode body = JSON.readTree(resp.body());
      String token = body.path("token").asText(body.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw EngineException.system(EngineMessage.TOKEN_NONE, null, realm.getHost());
      }
      return token;
    } catch (IOException e) {
      throw unreachable(b.build(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED, e);
    }
  }

  private HttpResponse<byte[]> exchange(Registry r, Supplier<HttpRequest.Builder> build) {
    return exchange(r, build, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** One HTTP exchange; docklab's own hub is started when its address does not answer. */
  private <T> HttpResponse<T> exchange(Registry r, Supplier<HttpRequest.Builder> build,
      HttpResponse.BodyHandler<T> handler) {
    for (int attempt = 0; ; attempt++) {
      HttpRequest request = build.get().build();
      try {
        long t0 = System.nanoTime();
        HttpResponse<T> resp = http.send(request, handler);
        if (config.isHub(r.host()) && resp.headers().firstValue("Docker-Distribution-API-Version").isEmpty()) {
          drain(resp);
          throw EngineException.system(EngineMessage.HUB_ADDRESS_TAKEN, null, r.host());
        }
        listener.on(new EngineEvent(EventStep.HTTP, r.host(), request.method() + " "
            + request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?"
            + URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8))
            + " -> " + resp.statusCode() + explainStatus(resp), Duration.ofNanos(System.nanoTime() - t0)));
        return resp;
      } catch (ConnectException e) {
        if (attempt == 0 && startHub != null && config.isHub(r.host()) && !hubStarted && !unresolved(e)) {
          hubStarted = true;
          startHub.run();
          continue;
        }
        throw unreachable(request, e);
      } catch (IOException e) {
        throw unreachable(request, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw EngineException.system(EngineMessage.INTERRUPTED, e);
      }
    }
  }

  /** What a response says beyond its status, for the trace: the challenge of a 401, the digest of a manifest. */
  private static String explainStatus(HttpResponse<?> resp) {
    if (resp.statusCode() == 401) {
      return " (" + resp.headers().firstValue("WWW-Authenticate").orElse("unauthorized") + ")";
    }
    return resp.headers().firstValue("Docker-Content-Digest").map(d -> " (" + d.substring(0, Math.min(19, d.length()))
        + "...)").orElse("");
  }

  /** Docker's words for a registry it cannot reach: {@code Get "URL": dial tcp: lookup HOST: no such host}. */
  private static EngineException unreachable(HttpRequest request, Exception e) {
    URI u = request.uri();
    String host = u.getHost();
    int port = u.getPort() > 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
    String why;
    if (unresolved(e)) {
      why = "dial tcp: lookup " + host + ": no such host";
    } else if (e instanceof ConnectException) {
      why = "dial tcp " + host + ":" + port + ": connect: connection refused";
    } else if (e instanceof HttpTimeoutException) {
      why = "dial tcp " + host + ":" + port + ": i/o timeout";
    } else {
      why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String method = request.method().equals("GET") ? "Get" : request.method().equals("HEAD") ? "Head"
        : request.method().charAt(0) + request.method().substring(1).toLowerCase(Locale.ROOT);
    String url = u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath();
    return EngineException.system(method + " \"" + url + "\": " + why, e);
  }

  private static boolean unresolved(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static void drain(HttpResponse<?> resp) {
    if (resp.body() instanceof InputStream in) {
      try (in) {
        in.readAllBytes();
      } catch (IOException e) {
        // closing it is enough
      }
    }
  }

  /**
   * Throws the registry's error for a response that is not a success: the first of its {@code errors},
   * or the {@code details} that token servers send, with the Retry-After of a 429.
   */
  static void check(HttpResponse<?> resp, byte[] body) {
    int status = resp.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String code = switch (status) {
      case 401 -> "UNAUTHORIZED";
      case 404 -> "NOT_FOUND";
      case 429 -> "TOOMANYREQUESTS";
      default -> "UNKNOWN";
    };
    String message = status == 429 ? "too many requests" : "HTTP " + status;
    Object detail = null;
    try {
      JsonNode json = JSON.readTree(body);
      JsonNode first = json.path("errors").path(0);
      if (!first.isMissingNode()) {
        code = first.path("code").asText(code);
        message = first.path("message").asText(message);
        detail = first.path("detail").isMissingNode() ? null : first.path("detail").asText();
      } else if (json.path("details").isTextual()) {
        message = json.path("details").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not the registry's error format
    }
    throw new RegistryError(code, status, message, detail, retryAfter(resp));
  }

  /** The seconds a {@code Retry-After} header asks to wait (0 without one, or with an HTTP date). */
  private static long retryAfter(HttpResponse<?> resp) {
    try {
      return resp.headers().firstValue("Retry-After").map(v -> Long.parseLong(v.strip())).orElse(0L);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
