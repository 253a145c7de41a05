package dev.docklab.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.api.Pushed;
import dev.docklab.engine.api.Registries;
import dev.docklab.engine.api.RepositoryMeta;
import dev.docklab.engine.api.SearchResult;
import dev.docklab.engine.bootstrap.HubCatalogue;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.registry.client.Credentials;
import dev.docklab.engine.registry.client.RegistryClient;
import dev.docklab.engine.registry.client.RegistryConfig;
import dev.docklab.engine.registry.client.Sources;
import dev.docklab.engine.registry.client.Transfers;
import dev.docklab.engine.registry.hub.Hub;
import dev.docklab.engine.registry.hub.HubStore;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.DaemonConfig;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Leases;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's side of registries: the client (pull, push, login, search) on the local store, with
 * Docker's messages for the registry's errors, and docklab's own hub, started in this process on
 * demand and stocked with the base images.
 */
final class LocalRegistries implements Registries, AutoCloseable {
  private final Layout layout;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;
  private final EngineListener listener;
  private final Function<Image, List<Digest>> blobsOf;
  private RegistryClient registryClient;
  private Hub hub;

  LocalRegistries(Layout layout, BlobStore blobs, LayerStore layers, ImageStore images, EngineListener listener,
      Function<Image, List<Digest>> blobsOf) {
    this.layout = layout;
    this.blobs = blobs;
    this.layers = layers;
    this.images = images;
    this.listener = listener;
    this.blobsOf = blobsOf;
  }

  /** The registry client, with daemon.json's mirrors and the login store; made on first use. */
  synchronized RegistryClient client() {
    if (registryClient == null) {
      registryClient = new RegistryClient(RegistryConfig.read(layout.daemonConfig()),
          Credentials.forUser(), this::startHub, listener);
    }
    return registryClient;
  }

  private Transfers transfers() {
    return new Transfers(client(), blobs, layers, images, new Sources(layout.distribution()), new Leases(layout),
        layout.compressedTwins(), layout.tmp());
  }

  /** {@code docker pull REF}: from the mirrors or the image's registry; tags it locally. */
  Pulled pull(String reference, Progress progress) {
    ImageReference ref = ImageReference.parse(reference).withDefaultTag();
    long t0 = System.nanoTime();
    Pulled pulled;
    try {
      pulled = transfers().pull(ref, progress);
    } catch (RegistryError e) {
      throw switch (e.code()) {
        case "MANIFEST_UNKNOWN" -> EngineException.notFound("manifest for " + ref.familiarString() + " not found: "
            + e.dockerText());
        case "NAME_UNKNOWN", "DENIED", "UNAUTHORIZED" -> EngineException.notFound("pull access denied for "
            + ref.familiarName() + ", repository does not exist or may require 'docker login': denied: requested "
            + "access to the resource is denied");
        default -> EngineException.system(e.dockerText(), e);
      };
    }
    listener.on(new EngineEvent(EventStep.PULL, ref.familiarString(), pulled.image().id().toString(),
        Duration.ofNanos(System.nanoTime() - t0)));
    return pulled;
  }

  /** The tags of a repository, for {@code docker pull --all-tags}. */
  List<String> tags(String repository) {
    ImageReference ref = ImageReference.parse(repository);
    if (ref.tag() != null || ref.digest() != null) {
      throw EngineException.invalid("tag can't be used with --all-tags/-a");
    }
    try {
      return transfers().allTags(ref.withDefaultTag());
    } catch (RegistryError e) {
      throw EngineException.notFound("pull access denied for " + ref.familiarName() + ", repository does not exist or "
          + "may require 'docker login': denied: requested access to the resource is denied");
    }
  }

  /** {@code docker push REF}: the local image of that name to its registry. */
  Pushed push(String reference, Progress progress) {
    ImageReference ref = ImageReference.parse(reference).withDefaultTag();
    Image image = images.byReference(ref);
    if (image == null) {
      throw EngineException.notFound("An image does not exist locally with the tag: " + ref.familiarName());
    }
    try {
      return transfers().push(image, ref, progress);
    } catch (RegistryError e) {
      throw switch (e.code()) {
        case "DENIED" -> EngineException.invalid("denied: requested access to the resource is denied");
        case "UNAUTHORIZED" -> EngineException.invalid("unauthorized: authentication required");
        default -> EngineException.system(e.dockerText(), e);
      };
    }
  }

  /** {@code docker login}: checks the login against the registry, then keeps it. */
  @Override
  public void login(String server, String user, String password) {
    var client = client();
    var registry = client.target(server);
    try {
      client.login(registry, new Credentials.Login(user, password));
    } catch (RegistryError e) {
      throw EngineException.invalid("Get \"" + registry.base().resolve("/v2/") + "\": " + e.dockerText());
    }
    client.credentials().put(registry.host(), new Credentials.Login(user,
        password));
  }

  /** {@code docker logout}: false when there was no login for the server. */
  @Override
  public boolean logout(String server) {
    var client = client();
    return client.credentials().remove(client.target(server).host());
  }

  @Override
  public String user(String server) {
    var client = client();
    Credentials.Login login = client.credentials().get(client.target(server).host());
    return login == null ? null : login.user();
  }

  @Override
  public HubAdmin hub() {
    return new LocalHubAdmin(layout.registry(), null);
  }

  /** {@code docker search}: Docker Hub's search, asked of the mirrors first (the hub in a classroom). */
  @Override
  public List<SearchResult> search(String term, int limit) {
    var client = client();
    RuntimeException failure = null;
    List<RegistryClient.Registry> where = new ArrayList<>();
    for (var e : client.pullEndpoints(ImageReference.parse("library/busybox"))) {
      where.add(e.mirror() ? e.registry() : new RegistryClient.Registry(
          "index.docker.io", URI.create("https://index.docker.io")));
    }
    for (var r : where) {
      try {
        return results(client.search(r, term, limit));
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    throw failure;
  }

  private static List<SearchResult> results(JsonNode answer) {
    List<SearchResult> out = new ArrayList<>();
    for (JsonNode r : answer.path("results")) {
      out.add(new SearchResult(r.path("name").asText(), r.path("description").asText(""),
          r.path("star_count").asInt(), r.path("is_official").asBoolean(), r.path("is_automated").asBoolean()));
    }
    return out;
  }

  @Override
  public List<PullSource> pullEndpoints(ImageReference ref) {
    List<PullSource> out = new ArrayList<>();
    for (var e : client().pullEndpoints(ref.withDefaultTag())) {
      out.add(new PullSource(e.registry().base() + "/v2/" + e.repository() + "/", e.mirror()));
    }
    return out;
  }

  @Override
  public PullSource pushTarget(ImageReference ref) {
    ImageReference r = ref.withDefaultTag();
    var client = client();
    var target = client.target(r.domain());
    return new PullSource(target.base() + "/v2/" + r.path() + "/", !target.equals(client.registry(r.domain())));
  }

  @Override
  public RegistrySettings settings() {
    RegistryClient c = client();
    return new RegistrySettings(c.config().mirrors(), c.config().insecure(), c.config().hub(), c.credentials().file(),
        c.config().hubIsDockerHub(), DaemonConfig.read(layout.daemonConfig()).signupAllowed());
  }

  @Override
  public void signup(String user, String password) {
    if (!DaemonConfig.read(layout.daemonConfig()).signupAllowed()) {
      throw EngineException.invalid(EngineMessage.HUB_SIGNUP_OFF);
    }
    HubAdmin admin = hub();
    try {
      if (admin.users().containsKey(user)) {
        throw EngineException.conflict(EngineMessage.HUB_USER_EXISTS, user);
      }
      admin.addUser(user, password, false);
    } finally {
      admin.close();
    }
  }

  /**
   * Starts docklab's own hub in this process on daemon.json's {@code hub} address (127.0.0.1:5000), when
   * something asks for it and nothing answers there; it stops when the engine closes.
   */
  @Override
  public synchronized void startHub() {
    if (hub != null) {
      return;
    }
    String addr = client().config().hub();
    int colon = addr.lastIndexOf(':');
    try {
      var h = new Hub(layout.registry(), null);
      h.start(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1)));
      hub = h;
      publishBaseImages();
      listener.on(EngineEvent.said(EventStep.HUB, addr, Duration.ZERO, EngineMessage.EVENT_HUB_STARTED, addr));
    } catch (Exception e) {
      throw EngineException.system(EngineMessage.HUB_START_FAILED, e, addr, e.getMessage());
    }
  }

  @Override
  public synchronized boolean hubStarted() {
    return hub != null;
  }

  /**
   * The hub's catalogue ({@link HubCatalogue}, with what {@code docklab images add} added): each repository
   * from its local base image, under its tags and those the local repository of the same name has, with its
   * search metadata.
   */
  @Override
  public void publishBaseImages() {
    var store = new HubStore(layout.registry());
    for (HubCatalogue.Entry e : HubCatalogue.with(new AddedCatalogue(layout.addedCatalogue()).read())) {
      Image img = images.byReference(ImageReference.parse(e.source()));
      if (img == null) {
        continue;
      }
      List<String> tags = new ArrayList<>(e.tags());
      for (ImageReference r : img.repoTags()) {
        if (r.familiarName().equals(e.shortName()) && r.tag() != null && !tags.contains(r.tag())) {
          tags.add(r.tag());
        }
      }
      for (String tag : tags) {
        put(store, img, e.repository(), tag);
      }
      RepositoryMeta meta = new RepositoryMeta(e.description(), e.stars(), e.official(), e.automated());
      try {
        RepositoryMeta now = store.meta(e.repository());
        // a teacher's own stars (docklab registry meta) stay; an empty or first-release record is replaced
        boolean unset = now.description().isEmpty()
            || now.stars() == 0 && !now.automated() && now.description().equals(e.description());
        if (unset && !now.equals(meta)) {
          store.setMeta(e.repository(), meta);
        }
      } catch (IOException x) {
        throw EngineException.system(EngineMessage.HUB_PUBLISH_FAILED, x, e.repository(), x.getMessage());
      }
    }
  }

  @Override
  public void publish(String localRef, String hubRef) {
    Image img = images.find(localRef);
    if (img == null) {
      throw EngineException.notFound("No such image: " + localRef);
    }
    ImageReference to = ImageReference.parse(hubRef).withDefaultTag();
    put(new HubStore(layout.registry()), img, to.path(), to.tag());
  }

  /** The local image's blobs and manifest into the hub's {@code repo:tag}; false when it was there already. */
  private boolean put(HubStore store, Image img, String repo, String tag) {
    try {
      if (store.manifest(repo, tag).digest().equals(img.manifest())) {
        return false;
      }
    } catch (RegistryError | IOException e) {
      // not there yet
    }
    try {
      for (Digest d : blobsOf.apply(img)) {
        if (!d.equals(img.manifest())) {
          try (InputStream in = blobs.open(d)) {
            store.importBlob(repo, d, in);
          }
        }
      }
      store.putManifest(repo, tag, null, blobs.read(img.manifest()));
      return true;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HUB_PUBLISH_FAILED, e, repo + ":" + tag, e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (hub != null) {
      hub.close();
      hub = null;
    }
  }
}
