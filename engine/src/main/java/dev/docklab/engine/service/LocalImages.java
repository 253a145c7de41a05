package dev.docklab.engine.service;

import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.CachePruned;
import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Images;
import dev.docklab.engine.api.Loaded;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.api.Pushed;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.build.Builder;
import dev.docklab.engine.container.UpperDir;
import dev.docklab.engine.image.Archives;
import dev.docklab.engine.image.ConfigChanges;
import dev.docklab.engine.image.ImageAssembler;
import dev.docklab.engine.image.KeptImages;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.CrashPoints;
import dev.docklab.engine.store.Keeping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** {@code docker image ...} on this engine's stores. */
final class LocalImages implements Images {
  private final EngineParts p;
  private final LocalRegistries registries;
  private final ContainerLayers containerLayers;
  private final ImageRemoval removal;

  LocalImages(EngineParts parts, LocalRegistries registries, ImageRemoval removal) {
    this.p = parts;
    this.registries = registries;
    this.containerLayers = new ContainerLayers(parts);
    this.removal = removal;
  }

  @Override
  public List<Image> list() {
    return p.images().list();
  }

  @Override
  public Image find(String ref) {
    long t0 = System.nanoTime();
    Image found = p.images().find(ref);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    p.listener().on(found == null ? EngineEvent.said(EventStep.RESOLVE, ref, took, EngineMessage.EVENT_NOT_FOUND)
        : new EngineEvent(EventStep.RESOLVE, ref, found.id().toString(), took));
    return found;
  }

  @Override
  public Image inspect(String ref) {
    Image img = p.images().find(ref);
    if (img == null) {
      throw EngineException.notFound("No such image: " + ref);
    }
    return img;
  }

  @Override
  public Image tag(String source, String target) {
    Image img = p.images().find(source);
    if (img == null) {
      throw EngineException.notFound("No such image: " + ImageReference.parse(source).withDefaultTag().familiarString());
    }
    ImageReference ref = ImageReference.parse(target).withDefaultTag();
    if (ref.digest() != null) {
      throw EngineException.invalid("refusing to create a tag with a digest reference");
    }
    p.images().tag(ref, img.id());
    said(img.id().toString(), "tag", ref.familiarString());
    return p.images().get(img.id());
  }

  /** Reports Docker's image event {@code action} on {@code id}, named {@code name}. */
  private void said(String id, String action, String name) {
    p.listener().on(EngineEvent.said(EventStep.STATE, id, Duration.ZERO, EngineMessage.EVENT_STATE, action, name));
  }

  @Override
  public Removal remove(String ref, boolean force, boolean prune) {
    Removal r = removal.remove(ref, force, prune, Keeping.on(p.layout()));
    r.untagged().forEach(u -> said(u, "untag", u));
    if (!r.deleted().isEmpty()) {
      said(r.deleted().get(0), "delete", r.deleted().get(0)); // the image; the rest are its layers
    }
    return r;
  }

  @Override
  public CachePruned pruneBuildCache(boolean all) {
    return new BuildCache(p.layout().buildCache()).prune(all, p.images().list(), p.containerStore().list(),
        id -> remove(id, true, true));
  }

  @Override
  public Image restore(Digest id) {
    return new KeptImages(p.layout()).restore(p.images(), id);
  }

  @Override
  public Pulled pull(String ref, Progress progress) {
    return registries.pull(ref, progress);
  }

  @Override
  public Pushed push(String ref, Progress progress) {
    return registries.push(ref, progress);
  }

  @Override
  public List<String> remoteTags(String repository) {
    return registries.tags(repository);
  }

  @Override
  public Image resolveForRun(String ref, Progress progress) {
    Image image = find(ref);
    return image != null ? image : pull(ref, progress).image();
  }

  @Override
  public Digest commit(CommitRequest request) {
    Container c = p.containerStore().find(request.container());
    ImageReference ref = request.reference() == null ? null
        : ImageReference.parse(request.reference()).withDefaultTag();
    Image base = p.images().get(c.imageDigest());
    UpperDir upper = containerLayers.upperDir(c);
    boolean paused = false;
    Path pauseNote = p.containerStore().files(c.id()).pausedByCommit();
    if (request.pause() && c.state().running() && !c.state().paused()) {
      AtomicFiles.writeNoSync(pauseNote, new byte[0]);
      p.containers().pause(c.id());
      paused = true;
      CrashPoints.reach(CrashPoints.COMMIT_PAUSED);
    }
    try {
      String now = Instant.now().toString();
      Digest id = containerLayers.commitLayer(upper, base, committedConfig(c, base, request, now));
      if (ref != null) {
        p.images().tag(ref, id);
      }
      return id;
    } finally {
      if (paused) {
        p.containers().unpause(c.id());
        try {
          Files.deleteIfExists(pauseNote);
        } catch (IOException e) {
          // the next start finds the container running and only drops the note
        }
      }
    }
  }

  /** The container's command and environment as the new image's config, then the {@code -c} changes applied. */
  private static ImageConfig committedConfig(Container c, Image base, CommitRequest request, String now) {
    ImageConfig.RunConfig rc = base.config().configOrEmpty();
    List<String> entrypoint = rc.entrypoint() == null ? List.of() : rc.entrypoint();
    List<String> command = c.command();
    List<String> cmd = command.size() >= entrypoint.size() && command.subList(0, entrypoint.size()).equals(entrypoint)
        ? command.subList(entrypoint.size(), command.size()) : command;
    List<String> env = c.env().stream().filter(e -> !e.startsWith("HOSTNAME=")).toList();
    ImageConfig.RunConfig next = ConfigChanges.apply(new ImageConfig.RunConfig(rc.user(), env, rc.entrypoint(),
        cmd, rc.workingDir(), rc.labels(), rc.exposedPorts(), rc.volumes(), rc.stopSignal()), request.changes());
    List<ImageConfig.History> history = new ArrayList<>(base.config().history() == null ? List.of()
        : base.config().history());
    history.add(new ImageConfig.History(now, String.join(" ", command), request.author(), request.message(), null));
    return new ImageConfig(base.config().architecture(), base.config().os(), now, request.author(), next, null,
        history);
  }

  @Override
  public Digest build(BuildRequest request, Consumer<String> say, BiConsumer<Integer, byte[]> output) {
    return new Builder(new BuildHostAdapter(p, containerLayers), say, output).noCache(request.noCache())
        .build(request);
  }

  @Override
  public void save(List<String> refs, OutputStream out) {
    List<Image> list = new ArrayList<>();
    List<List<ImageReference>> tags = new ArrayList<>();
    for (String n : refs) {
      Image img = p.images().find(n);
      if (img == null) {
        throw EngineException.notFound("No such image: " + n);
      }
      boolean byId = n.startsWith("sha256:") || img.id().hex().startsWith(n);
      ImageReference ref = byId ? null : ImageReference.parse(n);
      if (ref != null && ref.tag() == null && ref.digest() == null) {
        // a name alone saves every tag of that repository, as Docker does
        for (Image each : p.images().list()) {
          List<ImageReference> same = each.repoTags().stream().filter(t -> t.name().equals(ref.name())).toList();
          if (!same.isEmpty()) {
            list.add(each);
            tags.add(same);
          }
        }
        continue;
      }
      list.add(img);
      tags.add(byId ? List.of() : List.of(ref.withDefaultTag()));
    }
    try {
      archives().save(list, tags, out);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.ARCHIVE_WRITE_FAILED, e, e.getMessage());
    }
  }

  @Override
  public List<Loaded> load(InputStream archive) {
    return archives().load(archive);
  }

  private Archives archives() {
    return new Archives(p.layout(), p.blobs(), p.layers(), p.images());
  }

  @Override
  public Digest importImage(InputStream tarball, String reference, String source) {
    ImageReference ref = reference == null ? null : ImageReference.parse(reference).withDefaultTag();
    if (ref != null && ref.digest() != null) {
      throw EngineException.invalid("refusing to create a tag with a digest reference");
    }
    ImageAssembler assembler = new ImageAssembler(p.layout(), p.blobs(), p.layers(), p.images());
    assembler.addLayer(tarball);
    String now = Instant.now().toString();
    String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
    ImageConfig config = new ImageConfig(arch, "linux", now, null, ImageConfig.RunConfig.of(null, null), null,
        List.of(new ImageConfig.History(now, "", null, "Imported from " + source, null)));
    Digest id = assembler.finish(config);
    if (ref != null) {
      p.images().tag(ref, id);
    }
    return id;
  }

  @Override
  public long layerSize(Digest diffId) {
    return p.layers().has(diffId) ? p.layers().get(diffId).size() : 0;
  }
}
