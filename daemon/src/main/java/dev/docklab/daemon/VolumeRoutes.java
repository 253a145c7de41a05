package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Volume;
import java.util.ArrayList;
import java.util.List;

/** Volumes and networks: list, create, inspect, remove, prune; networks also connect and disconnect. */
final class VolumeRoutes {
  private final Engine engine;

  VolumeRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("GET", "/volumes", this::listVolumes)
        .on("POST", "/volumes/create", this::createVolume)
        .on("POST", "/volumes/prune", this::pruneVolumes)
        .on("GET", "/volumes/" + Routes.NAME, x -> x.json(200, volume(find(x.param(0)))))
        .on("DELETE", "/volumes/" + Routes.NAME, x -> {
          find(x.param(0));
          engine.volumes().remove(x.param(0), x.flag("force"));
          x.noContent(204);
        })
        .on("GET", "/networks", x -> {
          ArrayNode out = Json.array();
          engine.networks().list().forEach(n -> out.add(Json.MAPPER.valueToTree(engine.networks().inspect(n))));
          x.json(200, out);
        })
        .on("POST", "/networks/create", this::createNetwork)
        .on("POST", "/networks/prune", x -> {
          ObjectNode o = Json.object();
          ArrayNode gone = o.putArray("NetworksDeleted");
          engine.networks().prune().forEach(gone::add);
          x.json(200, o);
        })
        .on("POST", "/networks/" + Routes.NAME + "/connect", x -> {
          JsonNode body = x.body();
          List<String> aliases = new ArrayList<>();
          body.path("EndpointConfig").path("Aliases").forEach(a -> aliases.add(a.asText()));
          engine.networks().connect(x.param(0), container(body), aliases);
          x.noContent(200);
        })
        .on("POST", "/networks/" + Routes.NAME + "/disconnect", x -> {
          engine.networks().disconnect(x.param(0), container(x.body()));
          x.noContent(200);
        })
        .on("GET", "/networks/" + Routes.NAME, x -> x.json(200, engine.networks().inspect(x.param(0))))
        .on("DELETE", "/networks/" + Routes.NAME, x -> {
          engine.networks().remove(x.param(0));
          x.noContent(204);
        });
  }

  private static String container(JsonNode body) {
    String c = body.path("Container").asText("");
    if (c.isEmpty()) {
      throw ApiError.badRequest("container must not be empty");
    }
    return c;
  }

  private Volume find(String name) {
    return engine.volumes().list().stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> ApiError.notFound("get " + name + ": no such volume"));
  }

  static ObjectNode volume(Volume v) {
    ObjectNode o = Json.object();
    o.put("CreatedAt", v.createdAt());
    o.put("Driver", "local");
    ObjectNode labels = o.putObject("Labels");
    if (v.anonymous()) {
      labels.put("com.docker.volume.anonymous", "");
    }
    o.put("Mountpoint", v.data().toString());
    o.put("Name", v.name());
    o.putObject("Options");
    o.put("Scope", "local");
    return o;
  }

  private void listVolumes(Exchange x) {
    JsonNode filters = Filters.parse(x.query("filters"));
    List<String> dangling = Filters.values(filters, "dangling");
    List<String> unused = engine.volumes().unused();
    ObjectNode o = Json.object();
    ArrayNode vols = o.putArray("Volumes");
    for (Volume v : engine.volumes().list()) {
      if (dangling.isEmpty() || dangling.contains("true") == unused.contains(v.name())) {
        vols.add(volume(v));
      }
    }
    o.putArray("Warnings");
    x.json(200, o);
  }

  private void createVolume(Exchange x) {
    JsonNode body = x.body();
    String name = body.path("Name").asText("");
    x.json(201, volume(engine.volumes().create(name.isEmpty() ? null : name)));
  }

  private void pruneVolumes(Exchange x) {
    boolean all = Filters.values(Filters.parse(x.query("filters")), "all").stream()
        .anyMatch(v -> v.equals("true") || v.equals("1"));
    List<String> unused = engine.volumes().unused();
    ObjectNode o = Json.object();
    ArrayNode gone = o.putArray("VolumesDeleted");
    for (Volume v : engine.volumes().list()) {
      if (unused.contains(v.name()) && (all || v.anonymous())) {
        engine.volumes().remove(v.name(), false);
        gone.add(v.name());
      }
    }
    o.put("SpaceReclaimed", 0);
    x.json(200, o);
  }

  private void createNetwork(Exchange x) {
    JsonNode body = x.body();
    String name = body.path("Name").asText("");
    if (name.isEmpty()) {
      throw ApiError.badRequest("network name must not be empty");
    }
    String subnet = null;
    for (JsonNode c : body.path("IPAM").path("Config")) {
      if (!c.path("Subnet").asText("").isEmpty()) {
        subnet = c.path("Subnet").asText();
      }
    }
    String id = engine.networks().create(name, subnet);
    ObjectNode o = Json.object();
    o.put("Id", id);
    o.put("Warning", "");
    x.json(201, o);
  }
}
