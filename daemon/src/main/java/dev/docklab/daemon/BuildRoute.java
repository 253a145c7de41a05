package dev.docklab.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.BuildFailure;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code POST /build}: a tar context built by the engine's builder, with the classic builder's JSON stream. */
final class BuildRoute {
  private final Engine engine;

  BuildRoute(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("POST", "/build", this::build);
  }

  private void build(Exchange x) throws IOException {
    String dockerfile = x.query("dockerfile", "Dockerfile");
    List<String> tags = x.queries("t");
    Map<String, String> args = new LinkedHashMap<>();
    String buildArgs = x.query("buildargs");
    if (buildArgs != null && !buildArgs.isEmpty()) {
      Json.MAPPER.readTree(buildArgs).fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
    }
    boolean quiet = x.flag("q");
    Path context = Files.createTempDirectory("docklab-build-");
    try {
      ContextTar.unpack(x.bodyStream(), context);
      Path file = context.resolve(dockerfile).normalize();
      if (!file.startsWith(context) || !Files.isRegularFile(file)) {
        throw ApiError.badRequest("Cannot locate specified Dockerfile: " + dockerfile);
      }
      String text = Files.readString(file);
      OutputStream out = x.stream(200, "application/json");
      try {
        Digest id = engine.images().build(new BuildRequest(context, file.getFileName().toString(), text, tags, args,
            x.flag("nocache")), line -> {
              if (!quiet) {
                Json.line(out, Json.object().put("stream", line + "\n"));
              }
            }, (stream, bytes) -> {
              if (!quiet) {
                Json.line(out, Json.object().put("stream", new String(bytes, StandardCharsets.UTF_8)));
              }
            });
        ObjectNode aux = Json.object();
        aux.putObject("aux").put("ID", id.toString());
        Json.line(out, aux);
      } catch (EngineException e) {
        ObjectNode o = Json.object();
        ObjectNode detail = o.putObject("errorDetail");
        if (e instanceof BuildFailure f) {
          detail.put("code", f.code());
        }
        detail.put("message", e.getMessage());
        Json.line(out, o.put("error", e.getMessage()));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      out.close();
    } finally {
      try (Stream<Path> all = Files.walk(context)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
