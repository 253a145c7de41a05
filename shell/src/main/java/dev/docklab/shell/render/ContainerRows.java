package dev.docklab.shell.render;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Health;
import dev.docklab.engine.api.PortMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code docker ps} table: CONTAINER ID, IMAGE, COMMAND, CREATED, STATUS, PORTS, NAMES. */
public final class ContainerRows {
  public static final List<String> HEADER = List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS",
      "PORTS", "NAMES");

  private ContainerRows() {}

  public static List<String> render(List<Container> containers, boolean noTrunc, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    for (Container c : containers) {
      String command = String.join(" ", c.command());
      rows.add(List.of(noTrunc ? c.id() : c.shortId(), c.image(),
          GoQuote.quote(noTrunc ? command : Text.ellipsis(command, 20)),
          Human.duration(Duration.between(c.createdAt(), now)) + " ago", status(c, now), ports(c), c.name()));
    }
    return Table.render(HEADER, rows);
  }

  /** Column headers for {@code --format 'table ...'} fields, as Docker names them. */
  public static final Map<String, String> FIELD_HEADERS = Map.ofEntries(
      Map.entry("ID", "CONTAINER ID"), Map.entry("Image", "IMAGE"),
      Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"),
      Map.entry("RunningFor", "CREATED"), Map.entry("Ports", "PORTS"),
      Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
      Map.entry("Size", "SIZE"), Map.entry("Names", "NAMES"),
      Map.entry("Labels", "LABELS"), Map.entry("Mounts", "MOUNTS"),
      Map.entry("Networks", "NETWORKS"));

  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

  /** The fields {@code docker ps --format} offers for one container. */
  public static Map<String, Object> fields(Container c, boolean noTrunc, Instant now, String size) {
    Map<String, Object> f = new LinkedHashMap<>();
    String command = String.join(" ", c.command());
    f.put("ID", noTrunc ? c.id() : c.shortId());
    f.put("Image", c.image());
    f.put("Command", GoQuote.quote(noTrunc ? command : Text.ellipsis(command, 20)));
    f.put("CreatedAt", CREATED_AT.format(c.createdAt()));
    f.put("RunningFor", Human.duration(Duration.between(c.createdAt(), now)) + " ago");
    f.put("Ports", ports(c));
    f.put("State", c.state().status().dockerName());
    f.put("Status", status(c, now));
    f.put("Size", size == null ? "" : size);
    f.put("Names", c.name());
    f.put("Labels", String.join(",", c.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList()));
    f.put("Mounts", "");
    f.put("Networks", c.hostConfig().networkMode());
    return f;
  }

  /**
   * The PORTS column as Docker shows it for a running container: {@code 0.0.0.0:8080->80/tcp} for a
   * published port (consecutive ports as one range), {@code 443/tcp} for one only exposed; empty
   * for a container that is not running.
   */
  public static String ports(Container c) {
    if (!c.state().running() || c.network() == null || c.network().network().equals("host")
        || c.network().network().startsWith("container:")) {
      return "";
    }
    List<PortMapping> published = new ArrayList<>(c.network().ports());
    published.sort(Comparator.comparing(PortMapping::proto).thenComparing(PortMapping::shownHostIp)
        .thenComparingInt(PortMapping::containerPort));
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < published.size()) {
      PortMapping first = published.get(i);
      int j = i;
      while (j + 1 < published.size() && consecutive(published.get(j), published.get(j + 1))) {
        j++;
      }
      PortMapping last = published.get(j);
      out.add(first == last ? first.toString() : first.shownHostIp() + ":" + first.hostPort() + "-" + last.hostPort()
          + "->" + first.containerPort() + "-" + last.containerPort() + "/" + first.proto());
      i = j + 1;
    }
    for (String exposed : c.exposedPorts()) {
      if (published.stream().noneMatch(p -> p.port().equals(exposed))) {
        out.add(exposed);
      }
    }
    return String.join(", ", out);
  }

  private static boolean consecutive(PortMapping a, PortMapping b) {
    return a.proto().equals(b.proto()) && a.shownHostIp().equals(b.shownHostIp())
        && b.hostPort() == a.hostPort() + 1 && b.containerPort() == a.containerPort() + 1;
  }

  /** Docker's " (healthy)", " (unhealthy)" or " (health: starting)" after "Up ...", or "" with no healthcheck. */
  static String health(Container c) {
    Health h = c.health();
    return h == null ? "" : h.status().equals(Health.STARTING) ? " (health: starting)" : " (" + h.status() + ")";
  }

  /** "Up 5 minutes", "Exited (0) 3 seconds ago", "Created". */
  public static String status(Container c, Instant now) {
    Container.State s = c.state();
    return switch (s.status()) {
      case RUNNING -> "Up " + Human.duration(Duration.between(Instant.parse(s.startedAt()), now)) + health(c);
      case PAUSED -> "Up " + Human.duration(Duration.between(Instant.parse(s.startedAt()), now)) + " (Paused)";
      case EXITED -> "Exited (" + s.exitCode() + ") "
          + Human.duration(Duration.between(Instant.parse(s.finishedAt()), now)) + " ago";
      case CREATED -> "Created";
      default -> Character.toUpperCase(s.status().dockerName().charAt(0)) + s.status().dockerName().substring(1);
    };
  }
}
