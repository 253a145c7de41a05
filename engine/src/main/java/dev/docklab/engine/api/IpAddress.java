package dev.docklab.engine.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IP address read as Go's {@code net.ParseIP} reads it: four decimal bytes, or IPv6 with colons; no host names. */
public final class IpAddress {
  private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpAddress() {}

  /** The address, or null when {@code text} is not one. */
  public static InetAddress parse(String text) {
    if (text == null) {
      return null;
    }
    boolean v4 = V4.matcher(text).matches();
    if (v4) {
      for (String part : text.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return null;
        }
      }
    }
    if (!v4 && !V6.matcher(text).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
