package dev.docklab.daemon;

import dev.docklab.engine.api.EngineException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Engine API's routes: the path with or without its {@code /vX.Y} prefix, one handler per method
 * and path, every failure as Docker's {@code {"message": ...}} with Docker's status.
 */
final class Api extends Handler.Abstract {
  /** The API version served: what the docker CLI 28 negotiates down to. */
  static final String VERSION = "1.47";
  /**
   * The Docker release whose API this serves ({@link #VERSION} came with Docker 27.3): the top-level
   * {@code Version} of {@code /version}, which clients that check a Docker version compare (testcontainers
   * wants at least 1.6.0); docklab's own version is the {@code Engine} component's.
   */
  static final String DOCKER_VERSION = "27.3.0";
  /** The oldest API version a client may ask for, as dockerd's. */
  static final String MIN_VERSION = "1.24";
  private static final Pattern VERSIONED = Pattern.compile("/v([0-9]+)\\.([0-9]+)(/.*)");

  /** What a route does with its exchange. */
  @FunctionalInterface
  interface Route {
    void handle(Exchange x) throws IOException;
  }

  private record Entry(String method, Pattern path, Route route) {}

  private final List<Entry> routes = new ArrayList<>();
  private final Map<String, String> headers;
  private final ThreadLocal<Peer> serving = new ThreadLocal<>();
  private Clients clients = new Clients();
  private Consumer<ApiCall> calls = call -> { };

  Api(String engineVersion) {
    this.headers = Map.of("Api-Version", VERSION, "Docker-Experimental", "false", "Ostype", "linux",
        "Server", "Docker/" + engineVersion + " (linux)");
  }

  /** Adds a route: {@code path} is a regular expression whose groups are the exchange's parameters. */
  Api on(String method, String path, Route route) {
    routes.add(new Entry(method, Pattern.compile(path), route));
    return this;
  }

  /** Tells {@code listener} of each call answered, its client found among {@code open}'s connections. */
  Api observed(Clients open, Consumer<ApiCall> listener) {
    this.clients = open;
    this.calls = listener;
    return this;
  }

  /** The client whose request this thread is handling now; null on any other thread. */
  Peer serving() {
    return serving.get();
  }

  @Override
  public boolean handle(Request request, Response response, Callback answered) {
    long t0 = System.nanoTime();
    Peer client = clients.peer(request.getConnectionMetaData().getConnection());
    Callback callback = new Callback.Nested(answered) {
      @Override
      public void succeeded() {
        record(client, request, response, t0);
        super.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        record(client, request, response, t0);
        super.failed(x);
      }
    };
    serving.set(client);
    try {
      return route(request, response, callback);
    } finally {
      serving.remove();
    }
  }

  private void record(Peer client, Request request, Response response, long t0) {
    String query = request.getHttpURI().getQuery();
    String target = request.getHttpURI().getPath()
        + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8));
    try {
      calls.accept(new ApiCall(client, request.getMethod(), target, response.getStatus(),
          Duration.ofNanos(System.nanoTime() - t0)));
    } catch (RuntimeException e) {
      // a listener's failure is no client's: the answer goes out all the same
    }
  }

  private boolean route(Request request, Response response, Callback callback) {
    headers.forEach((k, v) -> response.getHeaders().put(k, v));
    String method = request.getMethod();
    String path = request.getHttpURI().getDecodedPath();
    Exchange x = null;
    try {
      Matcher v = VERSIONED.matcher(path);
      if (v.matches()) {
        checkVersion(Integer.parseInt(v.group(1)), Integer.parseInt(v.group(2)));
        path = v.group(3);
      }
      for (Entry e : routes) {
        Matcher m = e.path().matcher(path);
        if (m.matches() && (e.method().equals(method) || (method.equals("HEAD") && e.method().equals("GET")))) {
          List<String> params = new ArrayList<>();
          for (int i = 1; i <= m.groupCount(); i++) {
            params.add(m.group(i));
          }
          x = new Exchange(request, response, callback, params);
          e.route().handle(x);
          return true;
        }
      }
      throw ApiError.notFound("page not found");
    } catch (ApiError e) {
      fail(request, response, callback, x, e);
    } catch (EngineException e) {
      fail(request, response, callback, x, ApiError.of(e));
    } catch (IOException | RuntimeException e) {
      fail(request, response, callback, x, new ApiError(500, e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    return true;
  }

  private static void checkVersion(int major, int minor) {
    String asked = major + "." + minor;
    if (compare(asked, VERSION) > 0) {
      throw ApiError.badRequest("client version " + asked + " is too new. Maximum supported API version is " + VERSION);
    }
    if (compare(asked, MIN_VERSION) < 0) {
      throw ApiError.badRequest("client version " + asked + " is too old. Minimum supported API version is "
          + MIN_VERSION + ", please upgrade your client to a newer version");
    }
  }

  /** Compares two API versions ({@code 1.9} before {@code 1.41}). */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
    return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
  }

  private static void fail(Request request, Response response, Callback callback, Exchange x, ApiError e) {
    if (x != null && x.answered()) {
      // headers are out: a stream ends here, as dockerd's does
      x.complete(e);
      return;
    }
    Exchange answer = x != null ? x : new Exchange(request, response, callback, List.of());
    answer.json(e.status(), Map.of("message", e.getMessage() == null ? "" : e.getMessage()));
  }
}
