package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Health;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.HumanDuration;
import dev.docklab.engine.api.PortMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code GET /containers/json}: the containers as {@code docker ps} reads them, filtered and limited. */
final class ContainerList {
  private ContainerList() {}

  static ArrayNode list(Engine engine, Exchange x) {
    JsonNode filters = Filters.parse(x.query("filters"));
    int limit = x.number("limit", -1);
    boolean all = x.flag("all") || limit > 0 || !Filters.values(filters, "status").isEmpty()
        || !Filters.values(filters, "exited").isEmpty();
    List<Container> found = new ArrayList<>();
    for (Container c : engine.containers().list(all)) {
      if (matches(c, filters)) {
        found.add(c);
      }
    }
    if (limit > 0 && found.size() > limit) {
      found = found.subList(0, limit);
    }
    ArrayNode out = Json.array();
    for (Container c : found) {
      out.add(summary(c, x.flag("size") ? engine.containers().size(c.id()) : -1));
    }
    return out;
  }

  static boolean matches(Container c, JsonNode filters) {
    for (String s : Filters.values(filters, "status")) {
      ContainerStatus.of(s);
    }
    return any(Filters.values(filters, "status"), s -> c.state().status().dockerName().equals(s))
        && any(Filters.values(filters, "id"), c.id()::startsWith)
        && any(Filters.values(filters, "name"), n -> c.name().matches(".*" + n.replaceFirst("^/", "") + ".*"))
        && any(Filters.values(filters, "ancestor"), a -> a.equals(c.image()) || c.imageId().contains(a))
        && any(Filters.values(filters, "exited"), e -> c.state().status() == ContainerStatus.EXITED
            && String.valueOf(c.state().exitCode()).equals(e))
        && any(Filters.values(filters, "label"), l -> label(c.labels(), l));
  }

  private static boolean any(List<String> wanted, Predicate<String> test) {
    return wanted.isEmpty() || wanted.stream().anyMatch(test);
  }

  private static boolean label(Map<String, String> labels, String filter) {
    int eq = filter.indexOf('=');
    return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
  }

  static ObjectNode summary(Container c, long size) {
    ObjectNode o = Json.object();
    o.put("Id", c.id());
    o.putArray("Names").add("/" + c.name());
    o.put("Image", c.image());
    o.put("ImageID", c.imageId());
    o.put("Command", String.join(" ", c.command()));
    o.put("Created", c.createdAt().getEpochSecond());
    ArrayNode ports = o.putArray("Ports");
    for (PortMapping p : c.hostConfig().portBindings()) {
      ObjectNode port = ports.addObject();
      if (c.state().running()) {
        port.put("IP", p.shownHostIp());
        port.put("PublicPort", actualPort(c, p));
      }
      port.put("PrivatePort", p.containerPort());
      port.put("Type", p.proto());
    }
    if (size >= 0) {
      o.put("SizeRw", size);
    }
    ObjectNode labels = o.putObject("Labels");
    c.labels().forEach(labels::put);
    o.put("State", c.state().status().dockerName());
    o.put("Status", status(c, Instant.now()));
    o.putObject("HostConfig").put("NetworkMode", c.hostConfig().networkMode());
    o.putObject("NetworkSettings").putObject("Networks");
    ArrayNode mounts = o.putArray("Mounts");
    for (Container.MountPoint m : c.mounts()) {
      ObjectNode mount = mounts.addObject();
      mount.put("Type", m.type());
      if (m.name() != null) {
        mount.put("Name", m.name());
      }
      mount.put("Source", m.source());
      mount.put("Destination", m.destination());
      mount.put("RW", !m.readOnly());
    }
    return o;
  }

  private static int actualPort(Container c, PortMapping asked) {
    if (c.network() != null) {
      for (PortMapping p : c.network().ports()) {
        if (p.containerPort() == asked.containerPort() && p.proto().equals(asked.proto())) {
          return p.hostPort();
        }
      }
    }
    return asked.hostPort();
  }

  /** Docker's " (healthy)", " (unhealthy)" or " (health: starting)", or "" with no healthcheck. */
  private static String health(Container c) {
    Health h = c.health();
    return h == null ? "" : h.status().equals(Health.STARTING) ? " (health: starting)" : " (" + h.status() + ")";
  }

  /** {@code docker ps}'s STATUS: "Up 2 minutes", "Exited (0) 5 seconds ago", "Created". */
  static String status(Container c, Instant now) {
    Container.State s = c.state();
    return switch (s.status()) {
      case RUNNING, PAUSED -> "Up " + HumanDuration.of(since(s.startedAt(), now))
          + (s.paused() ? " (Paused)" : health(c));
      case EXITED -> s.finishedAt() == null ? "Exited (" + s.exitCode() + ")"
          : "Exited (" + s.exitCode() + ") " + HumanDuration.of(since(s.finishedAt(), now)) + " ago";
      case RESTARTING -> "Restarting (" + s.exitCode() + ") " + HumanDuration.of(since(s.finishedAt(), now)) + " ago";
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
      case CREATED -> "Created";
    };
  }

  private static Duration since(String at, Instant now) {
    if (at == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(Instant.parse(at), now);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
