package dev.docklab.daemon;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Loaded;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Tar streams: {@code docker export}, {@code docker save} ({@code /images/get}) and {@code docker load}. */
final class ArchiveRoutes {
  private final Engine engine;

  ArchiveRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("GET", "/containers/" + Routes.NAME + "/export", x -> {
      engine.containers().inspect(x.param(0));
      try (OutputStream out = x.stream(200, "application/x-tar")) {
        engine.containers().export(x.param(0), out);
      }
    }).on("GET", "/images/get", x -> save(x, x.queries("names")))
        .on("GET", "/images/(.+)/get", x -> save(x, List.of(x.param(0))))
        .on("POST", "/images/load", this::load);
  }

  private void save(Exchange x, List<String> refs) throws IOException {
    if (refs.isEmpty()) {
      throw ApiError.badRequest("no images given to save");
    }
    for (String ref : refs) {
      engine.images().inspect(ref);
    }
    try (OutputStream out = x.stream(200, "application/x-tar")) {
      engine.images().save(refs, out);
    }
  }

  private void load(Exchange x) throws IOException {
    List<Loaded> loaded = engine.images().load(x.bodyStream());
    List<String> lines = new ArrayList<>();
    for (Loaded l : loaded) {
      if (l.names().isEmpty()) {
        lines.add("Loaded image ID: " + l.id());
      }
      l.names().forEach(n -> lines.add("Loaded image: " + n.familiarString()));
    }
    try (OutputStream out = x.stream(200, "application/json")) {
      for (String line : lines) {
        Json.line(out, Json.object().put("stream", line + "\n"));
      }
    }
  }
}
