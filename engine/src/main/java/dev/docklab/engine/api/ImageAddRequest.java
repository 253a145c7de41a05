package dev.docklab.engine.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code docklab images add NAME [--mirror URL] [--suite SUITE]}: one of the tutorial's images that
 * Debian's packages can build ({@code debian} with debootstrap, {@code tomcat} on it), from a Debian
 * mirror; a null mirror or suite means this machine's own apt sources.
 *
 * @param name the image to add: one of {@link #NAMES}
 * @param mirror the Debian mirror ({@code http://deb.debian.org/debian}), or null
 * @param suite the Debian suite ({@code bookworm}), or null
 */
public record ImageAddRequest(String name, String mirror, String suite) {
  /** The images docklab knows how to add. */
  public static final List<String> NAMES = List.of("debian", "tomcat");
  private static final Pattern MIRROR = Pattern.compile("https?://[^\\s/]+(/\\S*)?");
  private static final Pattern SUITE = Pattern.compile("[a-z][a-z0-9-]{1,30}");

  public ImageAddRequest {
    if (!NAMES.contains(name)) {
      throw EngineException.invalid(EngineMessage.IMAGE_ADD_UNKNOWN, name, String.join(", ", NAMES));
    }
    if (mirror != null) {
      if (!MIRROR.matcher(mirror).matches()) {
        throw EngineException.invalid(EngineMessage.IMAGE_ADD_BAD_MIRROR, mirror);
      }
      mirror = mirror.endsWith("/") ? mirror.substring(0, mirror.length() - 1) : mirror;
    }
    if (suite != null && !SUITE.matcher(suite).matches()) {
      throw EngineException.invalid(EngineMessage.IMAGE_ADD_BAD_SUITE, suite);
    }
  }

  /** This request for {@code other} (the debian base a tomcat stands on), from the same mirror and suite. */
  public ImageAddRequest forImage(String other) {
    return new ImageAddRequest(other, mirror, suite);
  }
}
