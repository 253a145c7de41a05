package dev.docklab.engine.registry.client;

import dev.docklab.engine.store.DaemonConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The registry settings of docklab's {@code daemon.json} (in the data root), with Docker's keys:
 * {@code registry-mirrors} (Docker Hub pulls go there first), {@code insecure-registries} (spoken to
 * over plain HTTP), and {@code hub} (where docklab's own hub listens, started on demand). Without a
 * file: the built-in hub on 127.0.0.1:5000 is the mirror, so a classroom with no internet pulls
 * {@code busybox} from it.
 */
public record RegistryConfig(List<String> mirrors, List<String> insecure, String hub) {
  public static final String DEFAULT_HUB = "127.0.0.1:5000";

  public RegistryConfig {
    hub = hub == null || hub.isBlank() ? DEFAULT_HUB : hub;
    mirrors = mirrors == null ? List.of("http://" + hub) : List.copyOf(mirrors);
    insecure = insecure == null ? List.of(hub, "localhost:" + hub.substring(hub.lastIndexOf(':') + 1))
        : List.copyOf(insecure);
  }

  public static RegistryConfig defaults() {
    return new RegistryConfig(null, null, null);
  }

  /** The file's settings, or the defaults when there is none; a clear error when it is not valid JSON. */
  public static RegistryConfig read(Path file) {
    DaemonConfig daemon = DaemonConfig.read(file);
    return new RegistryConfig(daemon.registryMirrors(), daemon.insecureRegistries(), daemon.hub());
  }

  /** Whether {@code host} (host:port) is docklab's own hub: its address, or localhost with its port. */
  public boolean isHub(String host) {
    String port = hub.substring(hub.lastIndexOf(':') + 1);
    String hubHost = hub.substring(0, hub.lastIndexOf(':'));
    boolean loopbackHub = hubHost.equals("127.0.0.1") || hubHost.equals("localhost");
    return host.equals(hub) || loopbackHub && (host.equals("localhost:" + port) || host.equals("127.0.0.1:" + port));
  }

  /**
   * Whether docklab's hub stands in for Docker Hub: it is one of the mirrors (as it is when daemon.json
   * names none), so a classroom with no internet logs in and pushes {@code alice/app} there as it pulls.
   */
  public boolean hubIsDockerHub() {
    for (String m : mirrors) {
      String host = m.contains("://") ? m.substring(m.indexOf("://") + 3) : m;
      host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
      if (isHub(host)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code host} (host:port) is spoken to over HTTP: an insecure registry, or any loopback address. */
  public boolean insecure(String host) {
    String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    return insecure.contains(host) || name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
  }
}
