package dev.docklab.engine.registry.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.registry.RepositoryNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Docker's token authentication on the hub: {@code GET /token} checks a user's password (throttled
 * per user and address) and grants what the user may do; every other request is let through only
 * with a bearer token that grants its action.
 */
final class HubAuth {
  /** The request attribute under which a handler leaves what the request log should add to its line. */
  static final String LOG_NOTE = "docklab.hub.log";
  private final Accounts accounts;
  private final Tokens tokens;
  private final LoginThrottle throttle;

  HubAuth(Accounts accounts, Tokens tokens, LoginThrottle throttle) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  /**
   * Checks the request's bearer token grants {@code action} by {@code scope} (null scope: any valid
   * token, even an anonymous one), and returns whom it was issued to; else 401 with the challenge that
   * tells the client where to get one.
   */
  String authorize(Request req, String scope, String action) {
    String header = req.getHeaders().get(HttpHeader.AUTHORIZATION);
    Tokens.Verified token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? tokens.verify(header.substring(7).strip()) : null;
    if (token == null) {
      throw RegistryError.unauthorized(scope);
    }
    if (scope == null) {
      return token.subject();
    }
    String[] s = scope.split(":");
    for (Tokens.Access a : token.access()) {
      if (a.type().equals(s[0]) && a.name().equals(s[1]) && (a.actions().contains(action)
          || a.actions().contains("*"))) {
        return token.subject();
      }
    }
    throw RegistryError.denied(scope);
  }

  /** Whether the request's token may pull from {@code repository}. */
  boolean canPull(Request req, String repository) {
    try {
      authorize(req, "repository:" + repository + ":pull", "pull");
      return true;
    } catch (RegistryError e) {
      return false;
    }
  }

  static String challenge(Request req, String scope) {
    String host = req.getHeaders().get(HttpHeader.HOST);
    String realm = req.getHttpURI().getScheme() + "://" + (host == null ? "localhost" : host) + "/token";
    return "Bearer realm=\"" + realm + "\",service=\"" + Tokens.SERVICE + "\""
        + (scope == null ? "" : ",scope=\"" + scope + "\"");
  }

  /**
   * {@code GET /token?service=&scope=...}: checks Basic credentials if any, grants what the user may do.
   * A user or address that has failed too often gets 429 and Retry-After, its password unchecked; the
   * log line says who was refused and from where, never with what password.
   */
  void token(Request req, Response resp, Callback cb) {
    String user = null;
    String header = req.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = "";
      }
      int colon = decoded.indexOf(':');
      String name = colon < 0 ? decoded : decoded.substring(0, colon);
      String address = Request.getRemoteAddr(req);
      String who = "account=" + loggable(name) + " remote=" + address;
      LoginThrottle.Attempt attempt;
      try {
        attempt = throttle.begin(name, address);
      } catch (RegistryError e) {
        req.setAttribute(LOG_NOTE, who + " login=throttled retry-after=" + e.retryAfterSeconds());
        ObjectNode body = HubResponses.errorBody(e).put("details", e.getMessage());
        HubResponses.retryAfter(resp, e);
        HubResponses.json(resp, cb, e.status(), body);
        return;
      }
      if (colon < 0 || accounts.check(name, decoded.substring(colon + 1)) == null) {
        req.setAttribute(LOG_NOTE, who + " login=failed");
        ObjectNode body = HubStore.JSON.createObjectNode().put("details", "incorrect username or password");
        HubResponses.json(resp, cb, 401, body);
        return;
      }
      attempt.succeeded();
      req.setAttribute(LOG_NOTE, who + " login=ok");
      user = name;
    }
    List<Tokens.Access> granted = new ArrayList<>();
    List<String> scopes = Request.extractQueryParameters(req).getValues("scope");
    for (String scope : scopes == null ? List.<String>of() : scopes) {
      for (String one : scope.split(" ")) {
        String[] parts = one.split(":");
        if (parts.length < 3) {
          continue;
        }
        String actions = parts[parts.length - 1];
        String name = String.join(":", Arrays.copyOfRange(parts, 1, parts.length - 1));
        if (parts[0].equals("registry") && name.equals("catalog")) {
          granted.add(new Tokens.Access("registry", "catalog", List.of("*")));
        } else if (parts[0].equals("repository") && RepositoryNames.validName(name)) {
          List<String> may = accounts.allowed(user, name);
          List<String> asked = new ArrayList<>(List.of(actions.split(",")));
          asked.removeIf(a -> !may.contains(a) && !(a.equals("*") && may.contains("push")));
          granted.add(new Tokens.Access("repository", name, asked));
        }
      }
    }
    Instant now = Instant.now();
    String token = tokens.issue(user == null ? "" : user, granted, now);
    ObjectNode body = HubStore.JSON.createObjectNode();
    body.put("token", token);
    body.put("access_token", token);
    body.put("expires_in", Tokens.LIFETIME_SECONDS);
    body.put("issued_at", now.toString());
    HubResponses.json(resp, cb, 200, body);
  }

  /** A user name as the log may show it: a name as the hub makes them, else a short, printable form. */
  private static String loggable(String name) {
    String shown = name.length() > 32 ? name.substring(0, 32) + "..." : name;
    return shown.matches("[a-z0-9]+") ? shown : "\"" + shown.replaceAll("[^\\x21-\\x7e]", "?").replace("\"", "?")
        + "\"";
  }
}
