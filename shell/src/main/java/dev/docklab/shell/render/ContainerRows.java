package dev.docklab.shell.render;

import dev.docklab.engine.container.Container;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
          Human.duration(Duration.between(c.createdAt(), now)) + " ago", status(c, now), "", c.name()));
    }
    return Table.render(HEADER, rows);
  }

  /** "Up 5 minutes", "Exited (0) 3 seconds ago", "Created". */
  public static String status(Container c, Instant now) {
    Container.State s = c.state();
    return switch (s.status()) {
      case "running" -> "Up " + Human.duration(Duration.between(Instant.parse(s.startedAt()), now));
      case "exited" -> "Exited (" + s.exitCode() + ") "
          + Human.duration(Duration.between(Instant.parse(s.finishedAt()), now)) + " ago";
      case "created" -> "Created";
      default -> Character.toUpperCase(s.status().charAt(0)) + s.status().substring(1);
    };
  }
}
