package dev.docklab.lessons.check;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.PortMapping;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET http://127.0.0.1:PORT/PATH} answers with a body that contains {@code contains}, and the
 * port is published by a running container of the lesson (a server started on the host does not
 * pass). {@code port} names the host port; {@code published} the container's port, on whatever host
 * port the learner chose. A refused connection is tried again for up to 1.5 s while the container has
 * only just started (busybox httpd takes a moment after {@code docker start} returns); to a container
 * that has run for longer, once is enough, so that a port with no server behind it never holds up the
 * prompt after every line.
 */
public record HttpCheck(Integer port, Integer published, String path, String contains) implements Check {
  /** How long after its start a container's server may not listen yet. */
  private static final Duration STARTING = Duration.ofSeconds(3);
  /** Tries after a refused connection, and the pause before each: 1.5 s in all. */
  private static final int RETRIES = 6;
  private static final long PAUSE_MS = 250;

  public HttpCheck {
    if ((port == null) == (published == null)) {
      throw new IllegalArgumentException("an http check needs port (the host's) or published (the container's)");
    }
    if (contains == null || contains.isEmpty()) {
      throw new IllegalArgumentException("an http check needs contains: the text the page must hold");
    }
    path = path == null ? "/" : path;
  }

  @Override
  public String kind() {
    return "http";
  }

  @Override
  public List<Fact> facts() {
    List<Fact> f = new ArrayList<>();
    f.add(port != null ? new Fact("port", port.toString()) : new Fact("published", published.toString()));
    if (!path.equals("/")) {
      f.add(new Fact("urlPath", path));
    }
    f.add(new Fact("contains", contains));
    return f;
  }

  @Override
  public Verdict test(Probe probe) {
    for (Container c : probe.containers(Scope.LESSON)) {
      if (!c.state().running() || c.network() == null) {
        continue;
      }
      for (PortMapping p : c.network().ports()) {
        boolean wanted = port != null ? p.hostPort() == port : p.containerPort() == published;
        if (wanted && p.proto().equals("tcp") && answers(probe, p.hostPort(), starting(c, Instant.now()))) {
          return Verdict.by(c.name());
        }
      }
    }
    return Verdict.NO;
  }

  private boolean answers(Probe probe, int hostPort, boolean starting) {
    for (int attempt = 0; ; attempt++) {
      try {
        return probe.http().get(hostPort, path).contains(contains);
      } catch (ConnectException e) {
        if (!starting || attempt == RETRIES || !pause()) {
          return false; // nothing listens: the goal does not hold yet
        }
      } catch (IOException e) {
        return false; // nothing answers yet: the goal does not hold
      }
    }
  }

  /** Whether {@code c} started so recently that its server may not listen yet (when unknown, it may not). */
  static boolean starting(Container c, Instant now) {
    String started = c.state().startedAt();
    if (started == null || started.isEmpty()) {
      return true;
    }
    try {
      return now.isBefore(Instant.parse(started).plus(STARTING));
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(PAUSE_MS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
