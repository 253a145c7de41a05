package dev.docklab.engine.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * User-defined networks ({@code docker network create}), one file each in {@code DATA_ROOT/networks}:
 * a bridge of its own ({@code dl-ID}), a subnet of its own, and names that resolve between its
 * containers.
 */
public final class NetworkStore {
  /** Docker's rule for network names. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final List<String> PREDEFINED = List.of("bridge", "host", "none", "default");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  /**
   * One user-defined network.
   *
   * @param id 64 hex digits
   * @param name its name
   * @param subnet its IPv4 subnet
   * @param created when it was made
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Config(String id, String name, String subnet, String created) {
    /** Its Linux bridge: {@code dl-} and 12 hex digits (15 characters, the kernel's limit). */
    public String device() {
      return "dl-" + id.substring(0, 12);
    }

    /**
     * Its CNI network name, which its rules and its lease directory carry: with its id, so that
     * same-named networks of two data roots keep their leases apart.
     */
    public String cniName() {
      return "docklab-" + name + "-" + id.substring(0, 12);
    }
  }

  public NetworkStore(Path dir) {
    this.dir = dir;
  }

  public synchronized List<Config> list() {
    List<Config> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        out.add(JSON.readValue(f.toFile(), Config.class));
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.NETWORKS_READ_FAILED, e, dir, e.getMessage());
    }
    return out;
  }

  /** The network of that name or id (prefix), or null. */
  public synchronized Config find(String nameOrId) {
    for (Config c : list()) {
      if (c.name().equals(nameOrId)) {
        return c;
      }
    }
    List<Config> byId = list().stream().filter(c -> nameOrId.length() >= 3 && c.id().startsWith(nameOrId)).toList();
    return byId.size() == 1 ? byId.get(0) : null;
  }

  /** {@code docker network create NAME [--subnet CIDR]}: a subnet is chosen when none is given. */
  public synchronized Config create(String name, String subnet, List<Subnet> inUse) {
    if (PREDEFINED.contains(name)) {
      throw EngineException.conflict("network with name " + name + " already exists");
    }
    if (!NAME.matcher(name).matches() || name.length() > 64) {
      throw EngineException.invalid(EngineMessage.NETWORK_NAME_INVALID, name);
    }
    if (find(name) != null && find(name).name().equals(name)) {
      throw EngineException.conflict("network with name " + name + " already exists");
    }
    List<Subnet> used = new ArrayList<>(inUse);
    for (Config c : list()) {
      used.add(Subnet.parse(c.subnet()));
    }
    Subnet s;
    if (subnet != null) {
      try {
        s = Subnet.parse(subnet);
      } catch (RuntimeException e) {
        throw EngineException.invalid(EngineMessage.SUBNET_INVALID, subnet);
      }
      if (s.prefix() > 30) {
        throw EngineException.invalid(EngineMessage.SUBNET_TOO_SMALL, subnet);
      }
      for (Subnet u : used) {
        if (u.overlaps(s)) {
          throw EngineException.conflict("Pool overlaps with other one on this address space");
        }
      }
    } else {
      s = BridgeNetwork.freeSubnet(used, 18);
    }
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Config c = new Config(HexFormat.of().formatHex(raw), name, s.toString(), Instant.now().toString());
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
      Files.write(tmp, JSON.writeValueAsString(c).getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.NETWORK_RECORD_FAILED, e, name, e.getMessage());
    }
    return c;
  }

  public synchronized void remove(Config c) {
    try {
      Files.deleteIfExists(dir.resolve(c.name() + ".json"));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.NETWORK_REMOVE_FAILED, e, c.name(), e.getMessage());
    }
  }
}
