package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.api.SearchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Images: list, inspect, history, tag, remove, search, commit; pulls are {@link PullRoute}'s. */
final class ImageRoutes {
  private static final String I = "/images/(.+)";
  private final Engine engine;

  ImageRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("GET", "/images/json", this::list)
        .on("GET", "/images/search", this::search)
        .on("POST", "/images/create", new PullRoute(engine)::pull)
        .on("POST", "/commit", this::commit)
        .on("GET", I + "/json", x -> x.json(200, engine.system().inspect(x.param(0), "image")))
        .on("GET", I + "/history", this::history)
        .on("POST", I + "/tag", this::tag)
        .on("DELETE", I, this::remove);
  }

  private void list(Exchange x) {
    JsonNode filters = Filters.parse(x.query("filters"));
    List<String> dangling = Filters.values(filters, "dangling");
    List<String> references = Filters.values(filters, "reference");
    ArrayNode out = Json.array();
    List<Image> images = engine.images().list();
    boolean all = x.flag("all");
    ImageLineage lineage = new ImageLineage(images);
    for (Image i : images) {
      boolean intermediate = i.repoTags().isEmpty() && lineage.hasChild(i);
      if (intermediate && !all) {
        continue;
      }
      boolean isDangling = i.repoTags().isEmpty() && !intermediate;
      if (!dangling.isEmpty() && dangling.contains("true") != isDangling) {
        continue;
      }
      List<ImageReference> shown = i.repoTags().stream()
          .filter(t -> references.isEmpty() || references.stream().anyMatch(r -> glob(r, t))).toList();
      if (!references.isEmpty() && shown.isEmpty()) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("Id", i.id().toString());
      Image parent = lineage.parentOf(i);
      o.put("ParentId", parent == null ? "" : parent.id().toString());
      ArrayNode tags = o.putArray("RepoTags");
      shown.forEach(t -> tags.add(t.familiarString()));
      ArrayNode digests = o.putArray("RepoDigests");
      i.repoDigests().forEach(d -> digests.add(d.familiarString()));
      o.put("Created", i.created().getEpochSecond());
      o.put("Size", i.size());
      o.put("SharedSize", -1);
      o.put("VirtualSize", i.size());
      ObjectNode labels = o.putObject("Labels");
      Map<String, String> l = i.config().configOrEmpty().labels();
      if (l != null) {
        l.forEach(labels::put);
      }
      o.put("Containers", -1);
    }
    x.json(200, out);
  }

  private void history(Exchange x) {
    Image image = engine.images().inspect(x.param(0));
    List<ImageConfig.History> steps = image.config().history() == null ? List.of() : image.config().history();
    List<Digest> layers = image.diffIds();
    List<ObjectNode> rows = new ArrayList<>();
    int layer = 0;
    for (ImageConfig.History h : steps) {
      ObjectNode o = Json.object();
      o.put("Id", "<missing>");
      o.put("Created", h.created() == null ? 0 : Instant.parse(h.created()).getEpochSecond());
      o.put("CreatedBy", h.createdBy() == null ? "" : h.createdBy());
      o.putNull("Tags");
      boolean empty = Boolean.TRUE.equals(h.emptyLayer());
      o.put("Size", !empty && layer < layers.size() ? engine.images().layerSize(layers.get(layer)) : 0);
      if (!empty) {
        layer++;
      }
      o.put("Comment", h.comment() == null ? "" : h.comment());
      rows.add(0, o);
    }
    if (!rows.isEmpty()) {
      rows.get(0).put("Id", image.id().toString());
      ArrayNode tags = rows.get(0).putArray("Tags");
      image.repoTags().forEach(t -> tags.add(t.familiarString()));
    }
    ArrayNode out = Json.array();
    out.addAll(rows);
    x.json(200, out);
  }

  private void tag(Exchange x) {
    String repo = x.query("repo", "");
    String tag = x.query("tag", "");
    if (repo.isEmpty()) {
      throw ApiError.badRequest("repository name must have at least one component");
    }
    String target = tag.isEmpty() ? repo : repo + ":" + tag;
    engine.images().tag(x.param(0), target);
    x.noContent(201);
  }

  private void remove(Exchange x) {
    Removal r = engine.images().remove(x.param(0), x.flag("force"), !x.flag("noprune"));
    ArrayNode out = Json.array();
    r.untagged().forEach(u -> out.addObject().put("Untagged", u));
    r.deleted().forEach(d -> out.addObject().put("Deleted", d));
    x.json(200, out);
  }

  private void search(Exchange x) {
    String term = x.query("term", "");
    ArrayNode out = Json.array();
    for (SearchResult s : engine.registries().search(term, x.number("limit", 25))) {
      out.addObject().put("name", s.name()).put("description", s.description()).put("star_count", s.stars())
          .put("is_official", s.official()).put("is_automated", s.automated());
    }
    x.json(200, out);
  }

  private void commit(Exchange x) {
    String container = x.query("container", "");
    String repo = x.query("repo", "");
    String tag = x.query("tag", "");
    String reference = repo.isEmpty() ? null : tag.isEmpty() ? repo : repo + ":" + tag;
    List<String> changes = new ArrayList<>();
    String change = x.query("changes");
    if (change != null && !change.isEmpty()) {
      changes.addAll(List.of(change.split("\n")));
    }
    String pause = x.query("pause");
    Digest id = engine.images().commit(new CommitRequest(container, reference, emptyToNull(x.query("author")),
        emptyToNull(x.query("comment")), changes, pause == null || !pause.equals("0") && !pause.equals("false")));
    x.json(201, Map.of("Id", id.toString()));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Docker's {@code reference} filter: a name, or a name and tag, with {@code *} matching within a path part. */
  static boolean glob(String pattern, ImageReference t) {
    String regex = Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q");
    return t.familiarString().matches(regex) || t.familiarName().matches(regex);
  }

  /** A reference with Docker's default tag, as the daemon names it in its lines. */
  static String familiar(String ref) {
    return ImageReference.isValid(ref) ? ImageReference.parse(ref).withDefaultTag().familiarString() : ref;
  }
}
