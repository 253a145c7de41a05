package dev.docklab.shell.command;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code docker ps --filter KEY=VALUE}: status, name (a regular expression), id (a prefix), ancestor
 * (an image name or id), exited (an exit code), publish and expose (a container port, {@code 80} or
 * {@code 53/udp}), network (bridge, host, none), volume (a volume's name or a mount's path) and label (KEY or KEY=VALUE). Values of one key are alternatives; different keys
 * must all match, as in Docker.
 */
final class ContainerFilter {
  private static final List<String> STATUSES = List.of("created", "restarting", "running", "removing", "paused",
      "exited", "dead");

  private ContainerFilter() {}

  static Predicate<Container> parse(List<String> filters, Engine engine) {
    Map<String, List<Predicate<Container>>> byKey = new LinkedHashMap<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw EngineException.invalid("bad format of filter (expected name=value)");
      }
      String key = f.substring(0, eq).toLowerCase();
      String value = f.substring(eq + 1);
      Predicate<Container> p = switch (key) {
        case "status" -> {
          if (!STATUSES.contains(value)) {
            throw EngineException.invalid("invalid filter 'status=" + value + "'");
          }
          yield c -> c.state().status().dockerName().equals(value);
        }
        case "name" -> {
          Pattern re = Pattern.compile(value.startsWith("/") ? value.substring(1) : value);
          yield c -> re.matcher(c.name()).find();
        }
        case "id" -> c -> c.id().startsWith(value);
        case "exited" -> {
          int code;
          try {
            code = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw EngineException.invalid("invalid filter 'exited=" + value + "'");
          }
          yield c -> c.state().status() == ContainerStatus.EXITED && c.state().exitCode() == code;
        }
        case "ancestor" -> {
          Image img = engine.images().find(value);
          String id = img == null ? null : img.id().toString();
          yield c -> c.imageId().equals(id) || c.image().equals(value);
        }
        case "publish" -> {
          String port = value.contains("/") ? value : value + "/tcp";
          yield c -> c.state().running() && c.network() != null
              && c.network().ports().stream().anyMatch(p2 -> p2.port().equals(port));
        }
        case "expose" -> {
          String port = value.contains("/") ? value : value + "/tcp";
          yield c -> c.exposedPorts().contains(port);
        }
        case "network" -> c -> c.hostConfig().networkMode().equals(value);
        case "label" -> {
          int eq2 = value.indexOf('=');
          String k = eq2 < 0 ? value : value.substring(0, eq2);
          String v = eq2 < 0 ? null : value.substring(eq2 + 1);
          yield c -> c.labels().containsKey(k) && (v == null || v.equals(c.labels().get(k)));
        }
        case "volume" -> c -> c.mounts().stream().anyMatch(m -> value.equals(m.name()) || value.equals(m.destination())
            || value.equals(m.source()));
        default -> throw EngineException.invalid("invalid filter '" + key + "'");
      };
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    Predicate<Container> all = c -> true;
    for (List<Predicate<Container>> alternatives : byKey.values()) {
      all = all.and(c -> alternatives.stream().anyMatch(p -> p.test(c)));
    }
    return all;
  }
}
