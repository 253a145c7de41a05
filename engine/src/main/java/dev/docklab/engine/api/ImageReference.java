package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Digest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized image reference, as Docker understands one: {@code busybox} is
 * {@code docker.io/library/busybox:latest}, and
 * {@code registry.cn-hangzhou.aliyuncs.com/centos68-registry/tomcat:v1.0} has a registry host, a
 * namespace, a repository and a tag.
 *
 * @param domain the registry host (and port), {@code docker.io} by default
 * @param path the repository path inside the registry, e.g. {@code library/busybox}
 * @param tag the tag, or null when the reference names none (see {@link #withDefaultTag()})
 * @param digest the digest, or null
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
  public static final String DEFAULT_DOMAIN = "docker.io";
  public static final String DEFAULT_TAG = "latest";
  private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  private static final int NAME_TOTAL_LENGTH_MAX = 255;

  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String DOMAIN = HOST + "(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}";
  private static final Pattern REFERENCE = Pattern.compile(
      "((?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
          + "(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final Pattern TAG_PATTERN = Pattern.compile(TAG);
  private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

  public ImageReference {
    if (domain == null || domain.isEmpty() || path == null || path.isEmpty()) {
      throw EngineException.invalid("invalid reference format");
    }
    if (tag != null && !TAG_PATTERN.matcher(tag).matches()) {
      throw EngineException.invalid("invalid reference format: invalid tag \"" + tag + "\"");
    }
  }

  /**
   * Parses a reference the way {@code docker pull} does, filling in the default registry and the
   * {@code library/} namespace. The tag stays null when none is given.
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw EngineException.invalid("invalid reference format: repository name must have at least one component");
    }
    if (HEX64.matcher(text).matches()) {
      throw EngineException.invalid("invalid repository name (" + text
          + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDomain(text);
    String domain = split[0];
    String remainder = split[1];
    int tagSep = remainder.indexOf(':');
    String remoteName = tagSep >= 0 ? remainder.substring(0, tagSep) : remainder;
    int at = remoteName.indexOf('@');
    if (at >= 0) {
      remoteName = remoteName.substring(0, at);
    }
    if (!remoteName.toLowerCase().equals(remoteName)) {
      throw EngineException.invalid("invalid reference format: repository name (" + remoteName
          + ") must be lowercase");
    }
    Matcher m = REFERENCE.matcher(domain + "/" + remainder);
    if (!m.matches()) {
      throw EngineException.invalid("invalid reference format");
    }
    String name = m.group(1);
    if (name.length() > NAME_TOTAL_LENGTH_MAX) {
      throw EngineException.invalid("invalid reference format: repository name must not be more than "
          + NAME_TOTAL_LENGTH_MAX + " characters");
    }
    Digest digest = m.group(3) == null ? null : Digest.parse(m.group(3));
    return new ImageReference(domain, name.substring(domain.length() + 1), m.group(2), digest);
  }

  /** True when {@code text} parses as a reference. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (EngineException e) {
      return false;
    }
  }

  private static String[] splitDomain(String name) {
    int i = name.indexOf('/');
    String domain;
    String remainder;
    if (i == -1) {
      domain = DEFAULT_DOMAIN;
      remainder = name;
    } else {
      String first = name.substring(0, i);
      boolean looksLikeHost = first.contains(".") || first.contains(":") || first.equals("localhost")
          || !first.toLowerCase().equals(first);
      domain = looksLikeHost ? first : DEFAULT_DOMAIN;
      remainder = looksLikeHost ? name.substring(i + 1) : name;
    }
    if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
    }
    if (domain.equals(DEFAULT_DOMAIN) && !remainder.contains("/")) {
      remainder = "library/" + remainder;
    }
    return new String[] {domain, remainder};
  }

  /** This reference with tag {@code latest} when it names neither a tag nor a digest. */
  public ImageReference withDefaultTag() {
    return tag == null && digest == null ? new ImageReference(domain, path, DEFAULT_TAG, null) : this;
  }

  /** The same repository with another tag and no digest. */
  public ImageReference withTag(String newTag) {
    return new ImageReference(domain, path, newTag, null);
  }

  /** The repository without tag or digest, fully qualified: {@code docker.io/library/busybox}. */
  public String name() {
    return domain + "/" + path;
  }

  /** The namespace (first path component) when the path has several, else null. */
  public String namespace() {
    int slash = path.indexOf('/');
    return slash < 0 ? null : path.substring(0, slash);
  }

  /** The repository name inside its namespace: {@code busybox} for {@code library/busybox}. */
  public String repository() {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The repository as Docker prints it: {@code busybox}, {@code user/app}, {@code host:5000/app}. */
  public String familiarName() {
    if (!domain.equals(DEFAULT_DOMAIN)) {
      return name();
    }
    return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
  }

  /** The familiar form with tag and digest: {@code busybox:latest}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  private String suffix() {
    return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  /** The canonical form: {@code docker.io/library/busybox:latest}. */
  @Override
  public String toString() {
    return name() + suffix();
  }
}
