package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses {@code -p/--publish} specs ({@code [IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTO]}) and
 * {@code --expose}/{@code EXPOSE} ports, with Docker's messages for what is wrong.
 */
public final class PortSpecs {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private PortSpecs() {}

  /** One {@code -p} spec as the mappings it stands for (a range gives one per port). */
  public static List<PortMapping> parsePublish(String raw) {
    String[] parts = splitParts(raw);
    String ip = parts[0];
    String hostPart = parts[1];
    String[] protoPort = splitProto(parts[2]);
    String proto = protoPort[0];
    String containerPart = protoPort[1];
    if (!proto.equals("tcp") && !proto.equals("udp")) {
      throw EngineException.invalid("invalid proto: " + proto);
    }
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    if (!ip.isEmpty()) {
      ip = validIp(ip);
    }
    if (containerPart.isEmpty()) {
      throw EngineException.invalid("no port specified: " + raw + "<empty>");
    }
    int[] ctr = range(containerPart);
    if (ctr == null) {
      throw EngineException.invalid("invalid containerPort: " + containerPart);
    }
    int[] host = {0, 0};
    if (!hostPart.isEmpty()) {
      host = range(hostPart);
      if (host == null) {
        throw EngineException.invalid("invalid hostPort: " + hostPart);
      }
      int ctrSpan = ctr[1] - ctr[0];
      int hostSpan = host[1] - host[0];
      if (ctrSpan != hostSpan && !(ctrSpan == 0 && hostSpan > 0)) {
        throw EngineException.invalid("invalid ranges specified for container and host Ports: " + containerPart
            + " and " + hostPart);
      }
      if (ctrSpan == 0 && hostSpan > 0) {
        throw EngineException.invalid(EngineMessage.PORT_ONE_TO_ONE, host[0] + ":" + ctr[0], hostPart);
      }
    }
    List<PortMapping> out = new ArrayList<>();
    for (int i = 0; i <= ctr[1] - ctr[0]; i++) {
      out.add(new PortMapping("0.0.0.0".equals(ip) ? "" : ip, host[0] == 0 ? 0 : host[0] + i, ctr[0] + i, proto));
    }
    return out;
  }

  /**
   * An exposed port ({@code --expose 80}, {@code --expose 7000-7002/udp}, {@code EXPOSE 80/tcp}) as
   * Docker's keys, e.g. {@code 80/tcp}.
   */
  public static List<String> parseExpose(String raw) {
    String[] protoPort = splitProto(raw);
    if (!protoPort[0].equals("tcp") && !protoPort[0].equals("udp")) {
      throw EngineException.invalid("invalid proto: " + protoPort[0]);
    }
    int[] r = protoPort[1].isEmpty() ? null : range(protoPort[1]);
    if (r == null) {
      throw EngineException.invalid("invalid range format for --expose: " + raw + ", error: invalid port " + protoPort[1]);
    }
    List<String> out = new ArrayList<>();
    for (int p = r[0]; p <= r[1]; p++) {
      out.add(p + "/" + protoPort[0]);
    }
    return out;
  }

  /** Docker's split of {@code ip:host:container}: an IPv6 address may hold colons of its own. */
  private static String[] splitParts(String raw) {
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    return switch (n) {
      case 1 -> new String[] {"", "", parts[0]};
      case 2 -> new String[] {"", parts[0], parts[1]};
      case 3 -> parts;
      default -> new String[] {String.join(":", Arrays.copyOfRange(parts, 0, n - 2)), parts[n - 2],
          parts[n - 1]};
    };
  }

  private static String[] splitProto(String raw) {
    int slash = raw.indexOf('/');
    if (slash < 0) {
      return new String[] {"tcp", raw};
    }
    String proto = raw.substring(slash + 1).toLowerCase(Locale.ROOT);
    return new String[] {proto.isEmpty() ? "tcp" : proto, raw.substring(0, slash)};
  }

  /** {@code 80} or {@code 8000-8010} as [start, end], or null when not ports from 1 to 65535. */
  private static int[] range(String s) {
    int dash = s.indexOf('-');
    Integer start = port(dash < 0 ? s : s.substring(0, dash));
    Integer end = dash < 0 ? start : port(s.substring(dash + 1));
    if (start == null || end == null || end < start) {
      return null;
    }
    return new int[] {start, end};
  }

  private static Integer port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int p = Integer.parseInt(s);
    return p >= 1 && p <= 65535 ? p : null;
  }

  private static String validIp(String ip) {
    if (IPV4.matcher(ip).matches()) {
      for (String octet : ip.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw EngineException.invalid("invalid IP address: " + ip);
        }
      }
      return ip;
    }
    if (ip.contains(":") && ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      throw EngineException.invalid(EngineMessage.PORT_NO_IPV6, ip);
    }
    throw EngineException.invalid("invalid IP address: " + ip);
  }

}
