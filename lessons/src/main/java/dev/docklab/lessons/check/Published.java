package dev.docklab.lessons.check;

import dev.docklab.engine.api.PortMapping;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published port a check asks for: {@code 80} (the container's port 80 on any host port),
 * {@code 8080:80} (on host port 8080), with {@code /tcp} or {@code /udp}.
 *
 * @param hostPort the host port, or 0 for any
 */
record Published(int hostPort, int containerPort, String proto) {
  private static final Pattern SPEC = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(tcp|udp))?");

  static Published parse(String spec) {
    Matcher m = SPEC.matcher(spec.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("publishes: \"" + spec + "\" is not PORT, HOSTPORT:PORT or PORT/udp");
    }
    return new Published(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? "tcp" : m.group(3));
  }

  boolean in(List<PortMapping> ports) {
    return ports.stream().anyMatch(p -> p.containerPort() == containerPort && p.proto().equals(proto)
        && (hostPort == 0 || p.hostPort() == hostPort));
  }
}
