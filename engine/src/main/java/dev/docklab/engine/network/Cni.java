package dev.docklab.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs CNI plugins as the CNI specification says: an executable per plugin, the command and the
 * container in environment variables, the network configuration on stdin, the result (or an error
 * object) on stdout.
 */
public final class Cni {
  /** Where Debian's containernetworking-plugins and the upstream tarball put the plugins. */
  public static final List<Path> PLUGIN_DIRS = List.of(Path.of("/usr/lib/cni"), Path.of("/opt/cni/bin"));
  public static final String VERSION = "1.0.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path pluginDir;

  public Cni(Path pluginDir) {
    this.pluginDir = pluginDir;
  }

  /** The first of {@link #PLUGIN_DIRS} that has the bridge plugin, or null. */
  public static Path findPlugins() {
    for (Path dir : PLUGIN_DIRS) {
      if (Files.isExecutable(dir.resolve("bridge"))) {
        return dir;
      }
    }
    return null;
  }

  /**
   * {@code ADD}: attaches the container's network namespace {@code netns} as {@code conf} says and
   * returns the plugin's result.
   */
  public JsonNode add(ObjectNode conf, String containerId, Path netns, String ifName) {
    return run("ADD", conf, containerId, netns, ifName, "");
  }

  /**
   * {@code ADD} with {@code CNI_ARGS} ({@code IgnoreUnknown=1;IP=...;MAC=...}): host-local takes the address
   * asked for, the bridge plugin the MAC address.
   */
  public JsonNode add(ObjectNode conf, String containerId, Path netns, String ifName, String cniArgs) {
    return run("ADD", conf, containerId, netns, ifName, cniArgs);
  }

  /** {@code DEL}: undoes an {@code ADD}; succeeds when there is nothing left to undo. */
  public void del(ObjectNode conf, String containerId, Path netns, String ifName) {
    run("DEL", conf, containerId, netns, ifName, "");
  }

  private JsonNode run(String command, ObjectNode conf, String containerId, Path netns, String ifName,
      String cniArgs) {
    String type = conf.path("type").asText();
    Path plugin = pluginDir.resolve(type);
    ProcessBuilder pb = new ProcessBuilder(plugin.toString()).redirectErrorStream(false);
    Map<String, String> env = pb.environment();
    env.put("CNI_COMMAND", command);
    env.put("CNI_CONTAINERID", containerId);
    env.put("CNI_NETNS", netns == null ? "" : netns.toString());
    env.put("CNI_IFNAME", ifName);
    env.put("CNI_PATH", pluginDir.toString());
    if (!cniArgs.isEmpty()) {
      env.put("CNI_ARGS", cniArgs);
    }
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(conf));
      }
      byte[] out = p.getInputStream().readAllBytes();
      int code = p.waitFor();
      JsonNode result = out.length == 0 ? JSON.createObjectNode() : JSON.readTree(out);
      if (code != 0 || result.has("code") && result.has("msg")) {
        String msg = result.path("msg").asText("exit code " + code);
        String details = result.path("details").asText("");
        throw EngineException.system(EngineMessage.CNI_FAILED, null, type, command,
            msg + (details.isEmpty() ? "" : " (" + details + ")"));
      }
      return result;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CNI_RUN_FAILED, e, plugin, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_CNI, e, type);
    }
  }
}
