package dev.docklab.lessons.check;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.PortMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET http://127.0.0.1:PORT/PATH} answers with a body that contains {@code contains}, and the
 * port is published by a running container of the lesson (a server started on the host does not
 * pass). {@code port} names the host port; {@code published} the container's port, on whatever host
 * port the learner chose.
 */
public record HttpCheck(Integer port, Integer published, String path, String contains) implements Check {
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
        if (wanted && p.proto().equals("tcp") && answers(probe, p.hostPort())) {
          return Verdict.by(c.name());
        }
      }
    }
    return Verdict.NO;
  }

  private boolean answers(Probe probe, int hostPort) {
    try {
      return probe.http().get(hostPort, path).contains(contains);
    } catch (IOException e) {
      return false; // nothing answers yet: the goal does not hold
    }
  }
}
