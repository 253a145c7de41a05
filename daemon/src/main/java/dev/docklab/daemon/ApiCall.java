package dev.docklab.daemon;

import java.time.Duration;

/**
 * One request the daemon answered: who asked, the method and the path with its query, Docker's status,
 * and how long the answer took (for a hijacked attach or exec, until the {@code 101} upgrade).
 *
 * @param client the process that asked
 * @param method {@code GET}, {@code POST}...
 * @param target the path and query as the client sent them, the query decoded
 * @param status the HTTP status answered
 * @param took from the request's arrival to its answer's end
 */
public record ApiCall(Peer client, String method, String target, int status, Duration took) {
  /** The call as one line: {@code GET /v1.47/containers/json?all=1 -> 200}. */
  public String line() {
    return method + " " + target + " -> " + status;
  }
}
