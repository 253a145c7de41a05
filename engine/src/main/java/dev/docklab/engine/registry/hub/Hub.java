package dev.docklab.engine.registry.hub;

import static dev.docklab.engine.registry.hub.HubResponses.empty;
import static dev.docklab.engine.registry.hub.HubResponses.error;
import static dev.docklab.engine.registry.hub.HubResponses.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.RepositoryMeta;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.registry.RepositoryNames;
import dev.docklab.engine.store.RegistryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * docklab's hub: the OCI distribution API ({@code /v2/}) over the {@link HubStore}, Docker's token
 * authentication ({@code /token}), and Docker Hub's search ({@code /v1/search}). Anyone may pull; a
 * logged-in user pushes into their own namespace, an admin also into {@code library/}.
 */
public final class Hub implements AutoCloseable {
  private static final Pattern CATALOG = Pattern.compile("/v2/_catalog");
  private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");
  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
  private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/?");
  private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]+)");
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");
  private final HubStore store;
  private final Accounts accounts;
  private final HubAuth auth;
  private final BodySlots bodies;
  private final Consumer<String> log;
  private final HubLimits limits;
  /** An upload with no bytes for this long is abandoned: the janitor removes it (checked every 10 minutes). */
  public static final Duration ABANDONED = Duration.ofHours(1);
  private Server server;
  private ScheduledExecutorService janitor;

  /** A hub on the data under {@code root}; {@code log} gets one line per request (or null). */
  public Hub(Path root, Consumer<String> log) throws IOException {
    this(root, HubLimits.DEFAULTS, log);
  }

  /** A hub on the data under {@code root} that lets each client take no more than {@code limits}. */
  public Hub(Path root, HubLimits limits, Consumer<String> log) throws IOException {
    RegistryFiles files = new RegistryFiles(root);
    this.limits = limits;
    this.store = new HubStore(root);
    this.accounts = new Accounts(files.users());
    this.auth = new HubAuth(accounts, new Tokens(files.tokenKey()), new LoginThrottle(limits, Clock.systemUTC()));
    this.bodies = new BodySlots(limits);
    this.log = log;
  }

  public HubStore store() {
    return store;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** Listens on {@code host:port} (port 0: any free one); returns the port. */
  public int start(String host, int port) throws Exception {
    store.cleanUploads();
    QueuedThreadPool threads = new QueuedThreadPool(limits.threads());
    threads.setName("docklab-hub");
    server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);
    Handler serving = new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        serve(request, response, callback);
        return true;
      }
    };
    server.setHandler(serving); // the body's rate is checked as it is read (RequestBody)
    server.setStopTimeout(500);
    server.start();
    janitor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "docklab-hub-janitor");
      t.setDaemon(true);
      return t;
    });
    janitor.scheduleWithFixedDelay(() -> {
      try {
        store.purgeUploads(Instant.now().minus(ABANDONED));
      } catch (IOException | RuntimeException e) {
        // tried again next time
      }
    }, 10, 10, TimeUnit.MINUTES);
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    if (janitor != null) {
      janitor.shutdownNow();
      janitor = null;
    }
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        // stopping anyway
      }
      server = null;
    }
  }

  // ---- dispatch

  private void serve(Request req, Response resp, Callback callback) {
    String method = req.getMethod();
    String path = req.getHttpURI().getDecodedPath();
    try {
      resp.getHeaders().put("Docker-Distribution-API-Version", "registry/2.0");
      if (path.equals("/token")) {
        auth.token(req, resp, callback);
      } else if (path.equals("/v1/search")) {
        search(req, resp, callback);
      } else if (path.equals("/v2/") || path.equals("/v2")) {
        auth.authorize(req, null, null);
        json(resp, callback, 200, HubStore.JSON.createObjectNode());
      } else if (path.startsWith("/v2/")) {
        v2(method, path, req, resp, callback);
      } else {
        error(resp, callback, new RegistryError("NOT_FOUND", 404, "not found", path));
      }
    } catch (RegistryError e) {
      if (e.status() == 401) {
        resp.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, HubAuth.challenge(req, e.detail() == null ? null
            : String.valueOf(e.detail())));
      }
      error(resp, callback, e);
    } catch (EngineException e) {
      error(resp, callback, new RegistryError("UNSUPPORTED", 400, e.getMessage(), null));
    } catch (IOException | RuntimeException e) {
      error(resp, callback, new RegistryError("UNKNOWN", 500, "unknown error", String.valueOf(e.getMessage())));
    } finally {
      if (log != null) {
        Object note = req.getAttribute(HubAuth.LOG_NOTE);
        String line = method + " " + path + " " + resp.getStatus() + (note == null ? "" : " " + note);
        log.accept(line.replaceAll("\\p{Cntrl}", "?"));
      }
    }
  }

  private void v2(String method, String path, Request req, Response resp, Callback cb) throws IOException {
    Fields query = Request.extractQueryParameters(req);
    Matcher m;
    if (CATALOG.matcher(path).matches()) {
      auth.authorize(req, "registry:catalog:*", "*");
      page(req, resp, cb, "repositories", store.catalog(), query, "/v2/_catalog");
    } else if ((m = TAGS.matcher(path)).matches()) {
      String name = name(m.group(1));
      auth.authorize(req, scope(name, "pull"), "pull");
      page(req, resp, cb, "tags", store.tags(name), query, "/v2/" + name + "/tags/list", name);
    } else if ((m = MANIFEST.matcher(path)).matches()) {
      manifest(method, name(m.group(1)), m.group(2), req, resp, cb);
    } else if ((m = UPLOADS.matcher(path)).matches() && method.equals("POST")) {
      startUpload(name(m.group(1)), req, resp, cb, query);
    } else if ((m = UPLOAD.matcher(path)).matches()) {
      upload(method, name(m.group(1)), m.group(2), req, resp, cb, query);
    } else if ((m = BLOB.matcher(path)).matches()) {
      blob(method, name(m.group(1)), m.group(2), req, resp, cb);
    } else {
      throw new RegistryError("NOT_FOUND", 404, "not found", path);
    }
  }

  private static String name(String raw) {
    return RepositoryNames.requireName(raw);
  }

  /** A slot for a body from {@code account}; the log line of a refused one names the account. */
  private BodySlots.Slot bodySlot(Request req, String account) {
    try {
      return bodies.take(account);
    } catch (RegistryError e) {
      req.setAttribute(HubAuth.LOG_NOTE, "account=" + account + " upload=refused retry-after=" + e.retryAfterSeconds());
      throw e;
    }
  }

  private static String scope(String name, String actions) {
    return "repository:" + name + ":" + actions;
  }

  // ---- manifests

  private void manifest(String method, String name, String ref, Request req, Response resp, Callback cb)
      throws IOException {
    switch (method) {
      case "GET", "HEAD" -> {
        auth.authorize(req, scope(name, "pull"), "pull");
        HubStore.StoredManifest m = store.manifest(name, ref);
        resp.setStatus(200);
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, m.mediaType());
        resp.getHeaders().put("Docker-Content-Digest", m.digest().toString());
        resp.getHeaders().put(HttpHeader.ETAG, "\"" + m.digest() + "\"");
        resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, m.bytes().length);
        if (method.equals("HEAD")) {
          cb.succeeded();
        } else {
          resp.write(true, ByteBuffer.wrap(m.bytes()), cb);
        }
      }
      case "PUT" -> {
        String account = auth.authorize(req, scope(name, "push"), "push");
        byte[] body;
        try (BodySlots.Slot slot = bodySlot(req, account); InputStream in = RequestBody.ofManifest(req, limits)) {
          body = in.readNBytes(HubStore.MAX_MANIFEST + 1);
        }
        if (body.length > HubStore.MAX_MANIFEST) {
          throw new RegistryError("MANIFEST_INVALID", 413, "manifest invalid", "larger than 4 MiB");
        }
        Digest d = store.putManifest(name, ref, req.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
        resp.getHeaders().put(HttpHeader.LOCATION, "/v2/" + name + "/manifests/" + d);
        resp.getHeaders().put("Docker-Content-Digest", d.toString());
        empty(resp, cb, 201);
      }
      case "DELETE" -> {
        auth.authorize(req, scope(name, "delete"), "delete");
        store.deleteManifest(name, ref);
        empty(resp, cb, 202);
      }
      default -> throw RegistryError.unsupported(method + " on a manifest");
    }
  }

  // ---- blobs and uploads

  private void blob(String method, String name, String digestText, Request req, Response resp, Callback cb)
      throws IOException {
    Digest d = digest(digestText);
    switch (method) {
      case "GET", "HEAD" -> {
        auth.authorize(req, scope(name, "pull"), "pull");
        long size = store.blobSize(name, d);
        resp.setStatus(200);
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        resp.getHeaders().put("Docker-Content-Digest", d.toString());
        resp.getHeaders().put(HttpHeader.ETAG, "\"" + d + "\"");
        resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
        if (method.equals("HEAD")) {
          cb.succeeded();
          return;
        }
        send(resp, store.mapBlob(name, d), 0, cb);
      }
      case "DELETE" -> {
        auth.authorize(req, scope(name, "delete"), "delete");
        store.deleteBlob(name, d);
        empty(resp, cb, 202);
      }
      default -> throw RegistryError.unsupported(method + " on a blob");
    }
  }

  /** Writes {@code pieces} from the {@code i}th on, one after the other, the last ending the response. */
  private static void send(Response resp, ByteBuffer[] pieces, int i, Callback cb) {
    boolean last = i == pieces.length - 1;
    resp.write(last, pieces[i], last ? cb : Callback.from(() -> send(resp, pieces, i + 1, cb), cb::failed));
  }

  private static Digest digest(String text) {
    if (text == null || !Digest.isDigest(text)) {
      throw RegistryError.digestInvalid("not a sha256 digest: " + text);
    }
    return Digest.parse(text);
  }

  /** {@code POST .../blobs/uploads/}: a cross-repository mount, a whole blob in one request, or a new session. */
  private void startUpload(String name, Request req, Response resp, Callback cb, Fields query) throws IOException {
    String account = auth.authorize(req, scope(name, "push"), "push");
    String mount = query.getValue("mount");
    String from = query.getValue("from");
    if (mount != null && from != null && Digest.isDigest(mount) && auth.canPull(req, from)
        && store.mount(name, Digest.parse(mount), from)) {
      resp.getHeaders().put(HttpHeader.LOCATION, "/v2/" + name + "/blobs/" + mount);
      resp.getHeaders().put("Docker-Content-Digest", mount);
      empty(resp, cb, 201);
      return;
    }
    String digestText = query.getValue("digest");
    if (digestText != null) {
      Digest d = digest(digestText);
      try (BodySlots.Slot slot = bodySlot(req, account); InputStream in = RequestBody.ofUpload(req, limits)) {
        store.finish(name, store.startUpload(name), d, in);
      }
      resp.getHeaders().put(HttpHeader.LOCATION, "/v2/" + name + "/blobs/" + digestText);
      resp.getHeaders().put("Docker-Content-Digest", digestText);
      empty(resp, cb, 201);
      return;
    }
    uploadStatus(name, store.startUpload(name), resp, cb, 202);
  }

  private void upload(String method, String name, String id, Request req, Response resp, Callback cb, Fields query)
      throws IOException {
    String account = auth.authorize(req, scope(name, "push"), "push");
    switch (method) {
      case "GET" -> uploadStatus(name, id, resp, cb, 204);
      case "PATCH" -> {
        long start = -1;
        String range = req.getHeaders().get(HttpHeader.CONTENT_RANGE);
        if (range != null) {
          Matcher r = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/.*)?").matcher(range.strip());
          if (!r.matches()) {
            throw new RegistryError("BLOB_UPLOAD_INVALID", 416, "blob upload invalid", "Content-Range " + range);
          }
          start = Long.parseLong(r.group(1));
        }
        try (BodySlots.Slot slot = bodySlot(req, account); InputStream in = RequestBody.ofUpload(req, limits)) {
          store.append(name, id, start, in);
        }
        uploadStatus(name, id, resp, cb, 202);
      }
      case "PUT" -> {
        Digest d = digest(query.getValue("digest"));
        try (BodySlots.Slot slot = bodySlot(req, account); InputStream in = RequestBody.ofUpload(req, limits)) {
          store.finish(name, id, d, in);
        }
        resp.getHeaders().put(HttpHeader.LOCATION, "/v2/" + name + "/blobs/" + d);
        resp.getHeaders().put("Docker-Content-Digest", d.toString());
        empty(resp, cb, 201);
      }
      case "DELETE" -> {
        store.cancel(name, id);
        empty(resp, cb, 204);
      }
      default -> throw RegistryError.unsupported(method + " on an upload");
    }
  }

  private void uploadStatus(String name, String id, Response resp, Callback cb, int status) throws IOException {
    long size = store.uploadSize(name, id);
    resp.getHeaders().put(HttpHeader.LOCATION, "/v2/" + name + "/blobs/uploads/" + id);
    resp.getHeaders().put(HttpHeader.RANGE, "0-" + Math.max(0, size - 1));
    resp.getHeaders().put("Docker-Upload-UUID", id);
    empty(resp, cb, status);
  }

  // ---- lists and search

  /** A list answered page by page ({@code ?n=&last=}), with a {@code Link} header to the next page. */
  private void page(Request req, Response resp, Callback cb, String field, List<String> all, Fields query,
      String base, String... name) {
    String last = query.getValue("last");
    int n = parseInt(query.getValue("n"), 0);
    List<String> after = all.stream().filter(x -> last == null || x.compareTo(last) > 0).toList();
    List<String> shown = n > 0 && after.size() > n ? after.subList(0, n) : after;
    ObjectNode out = HubStore.JSON.createObjectNode();
    if (name.length > 0) {
      out.put("name", name[0]);
    }
    ArrayNode arr = out.putArray(field);
    shown.forEach(arr::add);
    if (shown.size() < after.size()) {
      resp.getHeaders().put(HttpHeader.LINK, "<" + base + "?n=" + n + "&last="
          + URLEncoder.encode(shown.get(shown.size() - 1), StandardCharsets.UTF_8) + ">; rel=\"next\"");
    }
    json(resp, cb, 200, out);
  }

  /** Docker Hub's {@code GET /v1/search?q=&n=&page=}: repositories whose name or description matches. */
  private void search(Request req, Response resp, Callback cb) throws IOException {
    Fields query = Request.extractQueryParameters(req);
    String q = query.getValue("q") == null ? "" : query.getValue("q").toLowerCase(Locale.ROOT);
    int n = Math.min(100, Math.max(1, parseInt(query.getValue("n"), 25)));
    int page = Math.max(1, parseInt(query.getValue("page"), 1));
    List<ObjectNode> hits = new ArrayList<>();
    for (String repo : store.catalog()) {
      RepositoryMeta meta = store.meta(repo);
      String shown = repo.startsWith("library/") ? repo.substring(8) : repo;
      if (shown.contains(q) || meta.description().toLowerCase(Locale.ROOT).contains(q)) {
        ObjectNode r = HubStore.JSON.createObjectNode();
        r.put("name", shown);
        r.put("description", meta.description());
        r.put("star_count", meta.stars());
        r.put("is_official", meta.official());
        r.put("is_automated", meta.automated());
        hits.add(r);
      }
    }
    hits.sort(Comparator.comparingInt((ObjectNode r) -> -r.path("star_count").asInt())
        .thenComparing(r -> r.path("name").asText()));
    int from = Math.min(hits.size(), (page - 1) * n);
    int to = Math.min(hits.size(), from + n);
    ObjectNode out = HubStore.JSON.createObjectNode();
    out.put("num_pages", Math.max(1, (hits.size() + n - 1) / n));
    out.put("num_results", hits.size());
    out.put("page_size", n);
    out.put("page", page);
    out.put("query", q);
    ArrayNode results = out.putArray("results");
    hits.subList(from, to).forEach(results::add);
    json(resp, cb, 200, out);
  }

  private static int parseInt(String s, int dflt) {
    try {
      return s == null ? dflt : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
