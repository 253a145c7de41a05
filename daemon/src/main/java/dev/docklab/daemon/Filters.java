package dev.docklab.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Docker's {@code filters} query parameter: {@code {"status":["running"]}} or {@code {"status":{"running":true}}}. */
final class Filters {
  private Filters() {}

  static JsonNode parse(String text) {
    if (text == null || text.isEmpty()) {
      return Json.object();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      if (!n.isObject()) {
        throw ApiError.badRequest("invalid filter '" + text + "'");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("invalid filter '" + text + "'");
    }
  }

  /** The values given for {@code key}, in either of Docker's forms. */
  static List<String> values(JsonNode filters, String key) {
    JsonNode v = filters.get(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    } else if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().asBoolean(true)) {
          out.add(e.getKey());
        }
      }
    }
    return out;
  }

  /** Whether an event passes {@code type}, {@code event}, {@code container} filters. */
  static boolean eventMatches(JsonNode filters, ObjectNode e) {
    List<String> types = values(filters, "type");
    if (!types.isEmpty() && !types.contains(e.path("Type").asText())) {
      return false;
    }
    List<String> actions = values(filters, "event");
    if (!actions.isEmpty() && !actions.contains(e.path("Action").asText())) {
      return false;
    }
    List<String> containers = values(filters, "container");
    if (!containers.isEmpty()) {
      String id = e.path("id").asText();
      String name = e.path("Actor").path("Attributes").path("name").asText();
      return containers.stream().anyMatch(c -> c.equals(name) || (!c.isEmpty() && id.startsWith(c)));
    }
    return true;
  }
}
