package dev.docklab.engine.service;

import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.bootstrap.BusyboxImage;
import dev.docklab.engine.bootstrap.WebImage;
import dev.docklab.engine.image.ImageAssembler;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The offline base images: {@code busybox} from the host's busybox-static, {@code web} built FROM it. */
final class BaseImages {
  private final EngineParts p;
  private final LocalImages images;
  private final LocalRegistries registries;

  BaseImages(EngineParts parts, LocalImages images, LocalRegistries registries) {
    this.p = parts;
    this.images = images;
    this.registries = registries;
  }

  /**
   * Whether a base image docklab makes offline ({@code busybox}, {@code web}) was never made on this
   * data root. Each is made once: an image the learner removes later is pulled back from the hub
   * (where the bootstrap published it), as on Docker, not rebuilt behind their back.
   */
  boolean missing() {
    return !bootstrapped().containsAll(List.of("busybox", WebImage.NAME));
  }

  private List<String> bootstrapped() {
    try {
      Path f = p.layout().bootstrapped();
      return Files.exists(f) ? Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
          : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void markBootstrapped(String name) {
    List<String> all = new ArrayList<>(bootstrapped());
    if (!all.contains(name)) {
      all.add(name);
      AtomicFiles.write(p.layout().bootstrapped(),
          (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Builds the offline base images not made yet on this data root; returns the tags it made (empty if none). */
  List<String> ensure() {
    List<String> tags = new ArrayList<>();
    ImageReference latest = ImageReference.parse("busybox:latest");
    List<String> done = bootstrapped();
    if (!done.contains("busybox") && p.images().byReference(latest) == null) {
      long t0 = System.nanoTime();
      BusyboxImage.Recipe recipe = BusyboxImage.recipe(p.options().busybox());
      ImageAssembler assembler = new ImageAssembler(p.layout(), p.blobs(), p.layers(), p.images());
      for (byte[] layer : recipe.layers()) {
        Digest diffId = assembler.addLayer(new ByteArrayInputStream(layer));
        p.listener().on(new EngineEvent(EventStep.LAYER, "busybox", diffId.toString(), Duration.ZERO));
      }
      Digest id = assembler.finish(recipe.config());
      for (String tag : recipe.tags()) {
        ImageReference ref = latest.withTag(tag);
        p.images().tag(ref, id);
        tags.add(ref.familiarString());
      }
      p.listener().on(new EngineEvent(EventStep.IMAGE, "busybox", id.toString(), Duration.ofNanos(System.nanoTime() - t0)));
    }
    markBootstrapped("busybox");
    if (!done.contains(WebImage.NAME) && p.images().byReference(ImageReference.parse(WebImage.NAME + ":latest")) == null) {
      tags.addAll(buildWebImage());
    }
    markBootstrapped(WebImage.NAME);
    if (!tags.isEmpty()) {
      registries.publishBaseImages();
    }
    return tags;
  }

  /** {@code web}: built FROM busybox by docklab's own builder from a Dockerfile and one page. */
  private List<String> buildWebImage() {
    Path context = p.layout().tmp().resolve("web-context-" + ProcessHandle.current().pid());
    try {
      Trees.deleteRecursively(context);
      Files.createDirectories(context);
      Files.writeString(context.resolve("index.html"), WebImage.INDEX_HTML);
      Path script = Files.writeString(context.resolve("httpd-foreground"), WebImage.FOREGROUND_SCRIPT);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      List<String> tags = WebImage.TAGS.stream().map(t -> WebImage.NAME + ":" + t).toList();
      images.build(new BuildRequest(context, "Dockerfile", WebImage.DOCKERFILE, tags, Map.of(),
          false), line -> { }, (stream, bytes) -> { });
      return tags;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.WEB_IMAGE_FAILED, e, e.getMessage());
    } finally {
      try {
        Trees.deleteRecursively(context);
      } catch (IOException e) {
        // tmp is emptied when the engine next opens
      }
    }
  }
}
