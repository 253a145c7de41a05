package dev.docklab.engine.service;

import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.ImageAddRequest;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.bootstrap.AptSources;
import dev.docklab.engine.bootstrap.DebianImage;
import dev.docklab.engine.bootstrap.HubCatalogue;
import dev.docklab.engine.bootstrap.TomcatImage;
import dev.docklab.engine.image.ImageAssembler;
import dev.docklab.engine.layer.TreeTar;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code docklab images add}: the tutorial's images that Debian's packages can build, made from a Debian
 * mirror, tagged, published to docklab's hub and listed in its catalogue (kept in the data root), so that a
 * class with no network searches and pulls them later. Tags are set only once an image is whole, and taken
 * back when it cannot be published, so a failed add leaves no half image; what it stored without a name is
 * swept as any unused layer is.
 */
final class TutorialImages {
  private final EngineParts p;
  private final LocalImages images;
  private final LocalRegistries registries;

  TutorialImages(EngineParts parts, LocalImages images, LocalRegistries registries) {
    this.p = parts;
    this.images = images;
    this.registries = registries;
  }

  /** Adds {@code request.name()} (and the debian base a tomcat needs, when missing); returns the tags made. */
  List<String> add(ImageAddRequest request, Consumer<String> say, BiConsumer<Integer, byte[]> output) {
    AptSources.Source host = AptSources.host();
    AptSources.Source source = new AptSources.Source(request.mirror() == null ? host.mirror() : request.mirror(),
        request.suite() == null ? host.suite() : request.suite());
    List<String> tags = new ArrayList<>();
    if (request.name().equals(DebianImage.NAME)) {
      tags.addAll(debian(source, say));
    } else {
      if (p.images().byReference(ImageReference.parse(DebianImage.NAME + ":latest")) == null) {
        tags.addAll(debian(source, say));
      } else {
        Debootstrap.checkMirror(source); // the build's apt-get needs it too: one clear line before it starts
      }
      tags.addAll(tomcat(say, output));
    }
    return tags;
  }

  /** {@code debian}: debootstrap into a tree under the data root's tmp, the tree as one layer, then the tags. */
  private List<String> debian(AptSources.Source source, Consumer<String> say) {
    long t0 = System.nanoTime();
    Debootstrap.checkMirror(source);
    Path target = p.layout().tmp().resolve("debootstrap-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.createDirectories(target);
      Debootstrap.run(source, target, say);
      String version = Files.readString(target.resolve("etc/debian_version")).strip();
      ImageAssembler assembler = new ImageAssembler(p.layout(), p.blobs(), p.layers(), p.images());
      Digest diffId = layerOf(target, assembler);
      p.listener().on(new EngineEvent(EventStep.LAYER, DebianImage.NAME, diffId.toString(), Duration.ZERO));
      String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      Digest id = assembler.finish(DebianImage.config(created, source.mirror(), source.suite()));
      List<String> tags = publish(DebianImage.NAME, DebianImage.tags(source.suite(), version), id,
          DebianImage.entry(source.suite()));
      p.listener().on(new EngineEvent(EventStep.IMAGE, DebianImage.NAME, id.toString(),
          Duration.ofNanos(System.nanoTime() - t0)));
      return tags;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_ADD_FAILED, e, DebianImage.NAME, e.getMessage());
    } finally {
      try {
        Debootstrap.remove(target, Posix.host());
      } catch (IOException e) {
        say.accept("could not remove " + target + ": " + e.getMessage() + " (it goes when the engine next opens)");
      }
    }
  }

  /** The tree as a layer, streamed: a writer thread tars it while the assembler stores and unpacks it. */
  private static Digest layerOf(Path root, ImageAssembler assembler) throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (out) {
        TreeTar.write(root, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try (in) {
      Digest diffId = assembler.addLayer(in);
      writer.join();
      return diffId;
    } catch (CompletionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      throw new IOException("could not read " + root + ": " + cause.getMessage(), cause);
    }
  }

  /** {@code tomcat}: Debian's tomcat10 on the debian image, by docklab's own docker build. */
  private List<String> tomcat(Consumer<String> say, BiConsumer<Integer, byte[]> output) {
    Path context = p.layout().tmp().resolve("tomcat-context-" + ProcessHandle.current().pid());
    List<String> refs = TomcatImage.TAGS.stream().map(t -> TomcatImage.NAME + ":" + t).toList();
    try {
      Trees.deleteRecursively(context);
      Files.createDirectories(context);
      // the build tags its image only when every step succeeded
      Digest id = images.build(new BuildRequest(context, "Dockerfile", TomcatImage.DOCKERFILE, refs, Map.of(), false),
          say, output);
      return publish(TomcatImage.NAME, TomcatImage.TAGS, id, TomcatImage.entry());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_ADD_FAILED, e, TomcatImage.NAME, e.getMessage());
    } finally {
      try {
        Trees.deleteRecursively(context);
      } catch (IOException e) {
        // tmp is emptied when the engine next opens
      }
    }
  }

  /**
   * Tags {@code id} as {@code name:tag} for each tag, lists it in the hub's catalogue and publishes it to the
   * hub; when that fails, the image is removed again.
   */
  private List<String> publish(String name, List<String> tags, Digest id, HubCatalogue.Entry entry) {
    List<ImageReference> refs = tags.stream().map(t -> ImageReference.parse(name + ":" + t)).toList();
    for (ImageReference r : refs) {
      p.images().tag(r, id);
    }
    try {
      new AddedCatalogue(p.layout().addedCatalogue()).put(entry);
      registries.publishBaseImages();
    } catch (RuntimeException e) {
      images.remove(id.toString(), true, true); // its tags, and its layers no other image uses
      throw e;
    }
    return refs.stream().map(ImageReference::familiarString).toList();
  }
}
