package dev.docklab.engine.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.api.Pushed;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.registry.MediaTypes;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Leases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker pull} and {@code docker push} on the local store: layers downloaded three at a time,
 * each unpacked as it streams in and kept once both its digests verify (see {@link LayerPull}), the image
 * recorded only when all is there (an
 * interrupted pull leaves no half image; its lease keeps what it fetched, and the next one skips
 * that); pushes skip what the
 * registry has, mount what another of its repositories has, and upload the rest.
 */
public final class Transfers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryClient client;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;
  private final Sources sources;
  private final Leases leases;
  private final Outgoing outgoing;
  private final LayerPull layerPull;

  public Transfers(RegistryClient client, BlobStore blobs, LayerStore layers, ImageStore images, Sources sources,
      Leases leases, Path compressedTwins, Path tmp) {
    this.client = client;
    this.outgoing = new Outgoing(blobs, compressedTwins, tmp);
    this.layerPull = new LayerPull(client, blobs, layers, tmp);
    this.blobs = blobs;
    this.layers = layers;
    this.images = images;
    this.sources = sources;
    this.leases = leases;
  }

  /** Pulls {@code ref} (tag or digest): from the first endpoint that has it. */
  public Pulled pull(ImageReference ref, Progress progress) {
    String reference = ref.digest() != null ? ref.digest().toString() : ref.tag();
    RuntimeException failure = null;
    for (RegistryClient.Endpoint e : client.pullEndpoints(ref)) {
      RegistryClient.Fetched top;
      try {
        top = client.manifest(e.registry(), e.repository(), reference);
      } catch (RuntimeException ex) {
        // a mirror that fails (or lacks the image) sends Docker on to the next endpoint
        failure = prefer(failure, ex);
        continue;
      }
      return pullFrom(e, ref, top, progress);
    }
    throw failure;
  }

  /** {@code docker pull --all-tags}: every tag the first endpoint that has the repository lists. */
  public List<String> allTags(ImageReference ref) {
    RuntimeException failure = null;
    for (RegistryClient.Endpoint e : client.pullEndpoints(ref)) {
      try {
        return client.tags(e.registry(), e.repository());
      } catch (RuntimeException ex) {
        failure = prefer(failure, ex);
      }
    }
    throw failure;
  }

  /** A "not found" from a registry that answered tells more than a registry that could not be reached. */
  private static RuntimeException prefer(RuntimeException kept, RuntimeException next) {
    if (kept == null) {
      return next;
    }
    if (kept instanceof RegistryError || !(next instanceof RegistryError)) {
      return kept; // the mirror's own failure says more than a Docker Hub out of reach
    }
    return next;
  }

  private Pulled pullFrom(RegistryClient.Endpoint e, ImageReference ref, RegistryClient.Fetched top, Progress p) {
    RegistryClient.Registry r = e.registry();
    String repo = e.repository();
    RegistryClient.Fetched manifest = top;
    if (MediaTypes.isIndex(top.mediaType())) {
      manifest = client.manifest(r, repo, platform(top.bytes()).toString());
    }
    JsonNode m = json(manifest.bytes());
    Digest configDigest = Digest.parse(m.path("config").path("digest").asText());
    List<JsonNode> layerDescs = new ArrayList<>();
    m.path("layers").forEach(layerDescs::add);
    Image existing = images.find(configDigest.toString());
    if (existing != null && existing.manifest().equals(manifest.digest())) {
      // As Docker: "Downloaded newer image" whenever the tag is (re)created, even with no byte fetched.
      Image before = ref.tag() == null ? existing : images.byReference(ref);
      boolean retagged = before == null || !before.id().equals(existing.id());
      tag(ref, existing);
      images.tag(new ImageReference(ref.domain(), ref.path(), null, top.digest()), existing.id());
      return new Pulled(images.get(existing.id()), top.digest(), false, retagged);
    }
    byte[] config = fetchSmall(r, repo, configDigest);
    ImageConfig parsed;
    try {
      parsed = JSON.readValue(config, ImageConfig.class);
    } catch (IOException ex) {
      throw EngineException.invalid(EngineMessage.CONFIG_FROM_INVALID, r, ex.getMessage());
    }
    List<String> diffIds = parsed.diffIdsOrEmpty();
    if (diffIds.size() != layerDescs.size()) {
      throw EngineException.invalid(EngineMessage.MANIFEST_LAYER_COUNT, String.valueOf(layerDescs.size()),
          String.valueOf(diffIds.size()));
    }
    if (!diffIds.isEmpty()) {
      LayerStore.checkDepth(diffIds.size() - 1); // Docker's layer store refuses the layer above its limit
    }
    p.line((ref.tag() != null ? ref.tag() : ref.digest().toString()) + ": Pulling from " + ref.path());
    List<Digest> blobDigests = new ArrayList<>();
    List<Boolean> needed = new ArrayList<>();
    for (int i = 0; i < layerDescs.size(); i++) {
      JsonNode l = layerDescs.get(i);
      Digest d = Digest.parse(l.path("digest").asText());
      blobDigests.add(d);
      boolean have = layers.has(Digest.parse(diffIds.get(i)));
      needed.add(!have);
      p.layer(d.shortHex(), have ? "Already exists" : "Pulling fs layer", 0, 0);
    }
    // until the image is recorded, what is fetched belongs to no image: the lease keeps it for the next try
    String lease = manifest.digest().hex();
    List<Digest> held = new ArrayList<>(blobDigests);
    diffIds.forEach(id -> held.add(Digest.parse(id)));
    leases.hold(lease, held);
    ExecutorService pool = Executors.newFixedThreadPool(3, run -> {
      Thread t = new Thread(run, "docklab-pull");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> tasks = new ArrayList<>();
      Set<String> started = new HashSet<>(); // an image may list one layer twice: it is fetched once
      for (int i = 0; i < blobDigests.size(); i++) {
        Digest d = blobDigests.get(i);
        Digest diffId = Digest.parse(diffIds.get(i));
        long size = layerDescs.get(i).path("size").asLong(0);
        boolean stored = blobs.has(d);
        if (!started.add(d + " " + diffId) || (stored && !needed.get(i))) {
          continue;
        }
        if (stored) {
          p.layer(d.shortHex(), "Download complete", size, size);
          tasks.add(pool.submit(() -> layerPull.unpackStored(d, diffId, p)));
        } else if (needed.get(i)) {
          tasks.add(pool.submit(() -> layerPull.fetchAndUnpack(r, repo, d, size, diffId, p)));
        } else {
          // A layer that "Already exists" may have come in another blob (docklab's own layers are stored
          // uncompressed and pushed compressed): its blob is fetched quietly, so that every blob the
          // image's manifest names is in the store, for a later push, save or publish.
          tasks.add(pool.submit(() -> fetchQuietly(r, repo, d)));
        }
      }
      awaitAll(tasks);
    } finally {
      stop(pool);
    }
    for (Digest d : blobDigests) {
      sources.add(d, r.host(), repo);
    }
    blobs.put(config);
    Digest manifestDigest = blobs.put(manifest.bytes());
    Digest id = images.add(configDigest, manifestDigest);
    leases.release(lease);
    tag(ref, images.get(id));
    images.tag(new ImageReference(ref.domain(), ref.path(), null, top.digest()), id);
    return new Pulled(images.get(id), top.digest(), true, true);
  }

  private void fetchQuietly(RegistryClient.Registry r, String repo, Digest d) {
    try (InputStream in = client.blob(r, repo, d)) {
      blobs.put(in, d);
    } catch (IOException ex) {
      throw EngineException.system(EngineMessage.DOWNLOAD_FAILED, ex, d.shortHex(), ex.getMessage());
    }
  }

  /**
   * Stops the layers' tasks (an interrupted pull) and waits until they have thrown away what they staged,
   * so that nothing of this pull is half written once it returns.
   */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for every layer's task, so that none is still writing when the pull returns, and throws the
   * first failure in the image's order of layers (the others' work stays, held by the lease).
   */
  private static void awaitAll(List<Future<?>> tasks) {
    RuntimeException first = null;
    for (Future<?> f : tasks) {
      try {
        f.get();
      } catch (ExecutionException ex) {
        if (first == null) {
          first = ex.getCause() instanceof RuntimeException re ? re : EngineException.system(ex.getMessage(), ex);
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw EngineException.system(EngineMessage.INTERRUPTED, ex);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void tag(ImageReference ref, Image image) {
    if (ref.tag() != null) {
      images.tag(ref, image.id());
    }
  }

  /** The linux/amd64 image of a manifest list or OCI index, as Docker chooses on this machine. */
  private static Digest platform(byte[] index) {
    for (JsonNode m : json(index).path("manifests")) {
      JsonNode pl = m.path("platform");
      if (pl.path("os").asText().equals("linux") && pl.path("architecture").asText().equals("amd64")) {
        return Digest.parse(m.path("digest").asText());
      }
    }
    throw EngineException.notFound("no matching manifest for linux/amd64 in the manifest list entries");
  }

  private byte[] fetchSmall(RegistryClient.Registry r, String repo, Digest d) {
    try (InputStream in = client.blob(r, repo, d)) {
      byte[] bytes = in.readNBytes(16 << 20);
      if (!Sha256.of(bytes).equals(d)) {
        throw EngineException.invalid(EngineMessage.BLOB_DIGEST_MISMATCH, d, r);
      }
      return bytes;
    } catch (IOException ex) {
      throw EngineException.system(EngineMessage.BLOB_READ_FROM_FAILED, ex, d, r, ex.getMessage());
    }
  }

  static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw EngineException.invalid(EngineMessage.MANIFEST_NOT_JSON_PLAIN);
    }
  }

  /** Pushes the local image {@code image} as {@code ref} (host, repository, tag). */
  public Pushed push(Image image, ImageReference ref, Progress p) {
    RegistryClient.Registry r = client.target(ref.domain());
    String repo = ref.path();
    byte[] manifestBytes = blobs.read(image.manifest());
    JsonNode m = json(manifestBytes);
    String mediaType = m.path("mediaType").asText(MediaTypes.DOCKER_MANIFEST);
    List<JsonNode> descs = new ArrayList<>();
    m.path("layers").forEach(descs::add);
    Collections.reverse(descs); // Docker lists the top layer first
    for (JsonNode l : descs) {
      p.layer(Digest.parse(l.path("digest").asText()).shortHex(), "Preparing", 0, 0);
    }
    Map<Digest, Outgoing.Blob> sent = new HashMap<>();
    for (JsonNode l : descs) {
      Digest stored = Digest.parse(l.path("digest").asText());
      String id = stored.shortHex();
      Digest d = outgoing.knownDigest(stored);
      if (d != null && client.hasBlob(r, repo, d)) {
        p.layer(id, "Layer already exists", 0, 0);
        sources.add(d, r.host(), repo);
        sent.put(stored, new Outgoing.Blob(d, outgoing.knownSize(stored), null, false));
        continue;
      }
      String mountedFrom = null;
      for (String from : d == null ? List.<String>of() : sources.on(d, r.host())) {
        if (!from.equals(repo) && client.mount(r, repo, d, from)) {
          mountedFrom = from;
          break;
        }
      }
      if (mountedFrom != null) {
        p.layer(id, "Mounted from " + mountedFrom, 0, 0);
        sent.put(stored, new Outgoing.Blob(d, outgoing.knownSize(stored), null, false));
      } else {
        try (Outgoing.Blob blob = outgoing.file(stored)) {
          if (d == null && client.hasBlob(r, repo, blob.digest())) {
            p.layer(id, "Layer already exists", 0, 0);
          } else {
            client.upload(r, repo, blob.digest(), blob.file(), n -> p.layer(id, "Pushing", n, blob.size()));
            p.layer(id, "Pushed", blob.size(), blob.size());
          }
          sent.put(stored, new Outgoing.Blob(blob.digest(), blob.size(), null, false));
          d = blob.digest();
        }
      }
      sources.add(d, r.host(), repo);
    }
    manifestBytes = asSent(m, sent, manifestBytes);
    Digest config = Digest.parse(m.path("config").path("digest").asText());
    if (!client.hasBlob(r, repo, config)) {
      client.upload(r, repo, config, blobs.path(config), n -> { });
    }
    Digest digest = client.putManifest(r, repo, ref.tag(), mediaType, manifestBytes);
    images.tag(new ImageReference(ref.domain(), ref.path(), null, digest), image.id());
    return new Pushed(digest, manifestBytes.length);
  }

  /**
   * The manifest as pushed: the local one byte for byte when every layer leaves as stored, else the
   * same with each compressed layer's digest and size (so the pushed digest differs, as on Docker,
   * whose local layers are not what it pushes either).
   */
  private static byte[] asSent(JsonNode manifest, Map<Digest, Outgoing.Blob> sent, byte[] local) {
    boolean changed = false;
    ObjectNode copy = manifest.deepCopy();
    for (JsonNode l : copy.path("layers")) {
      Outgoing.Blob b = sent.get(Digest.parse(l.path("digest").asText()));
      if (b != null && !b.digest().toString().equals(l.path("digest").asText())) {
        ((ObjectNode) l).put("digest", b.digest().toString());
        ((ObjectNode) l).put("size", b.size());
        changed = true;
      }
    }
    try {
      return changed ? JSON.writeValueAsBytes(copy) : local;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.PUSH_MANIFEST_FAILED, e, e.getMessage());
    }
  }
}
