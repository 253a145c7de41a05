package dev.docklab.engine.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Images and their names. An image is its config blob (the id) and manifest blob; tags map a
 * reference to an image id in {@code images/repositories.json}. Every change is written atomically.
 * The engine holds the data root's lock, so this store is the only writer and keeps what it read: the
 * records, the ids, the names by image, the list and which image is built on which ({@link ImageLineage}), so
 * that listing a thousand images reads nothing and removing them tries no pairs.
 */
public final class ImageStore {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Layout layout;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final Map<Digest, Image> imageCache = new HashMap<>();
  private Map<String, String> refsCache;
  /** The references naming each image id, in the order of {@link #refsCache}; null until read. */
  private Map<String, List<String>> refsByIdCache;
  private Set<Digest> idsCache;
  /** Every image, newest first; null until listed, and again after any change. */
  private List<Image> listCache;
  /** The images indexed by their history; null until asked, and again after an image is added. */
  private ImageLineage lineageCache;

  public ImageStore(Layout layout, BlobStore blobs, LayerStore layers) {
    this.layout = layout;
    this.blobs = blobs;
    this.layers = layers;
  }

  /**
   * Records an image whose config and manifest blobs, and unpacked layers, are already stored, made elsewhere (a
   * pull, a load, a base image): it has no parent, or keeps the one it was recorded with here before.
   */
  public synchronized Digest add(Digest configDigest, Digest manifestDigest) {
    return add(configDigest, manifestDigest, null);
  }

  /**
   * Records an image made here from {@code parent} (a commit's or a build step's; null: none), whose config and
   * manifest blobs, and unpacked layers, are already stored. An image recorded again with no parent keeps the one
   * it had, as Docker keeps an image's parent when the same image is pulled.
   */
  public synchronized Digest add(Digest configDigest, Digest manifestDigest, Digest parent) {
    ImageConfig config = parseConfig(configDigest);
    for (String diffId : config.diffIdsOrEmpty()) {
      if (!layers.has(Digest.parse(diffId))) {
        throw EngineException.system(EngineMessage.IMAGE_LAYER_MISSING, null, configDigest.shortHex(), diffId);
      }
    }
    Map<String, String> record = new LinkedHashMap<>();
    record.put("id", configDigest.toString());
    record.put("manifest", manifestDigest.toString());
    try {
      if (parent == null && Files.isRegularFile(layout.image(configDigest))) {
        String had = readRecord(configDigest).get("parent");
        parent = had == null || had.isEmpty() ? null : Digest.parse(had);
      }
      record.put("parent", parent == null ? "" : parent.toString()); // "": none (an older record has no key)
      AtomicFiles.write(layout.image(configDigest), JSON.writeValueAsBytes(record));
      imageCache.remove(configDigest);
      listCache = null;
      lineageCache = null;
      if (idsCache != null) {
        idsCache.add(configDigest);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_RECORD_FAILED, e, configDigest, e.getMessage());
    }
    return configDigest;
  }

  /** Points {@code ref} (tag defaulted to latest) at image {@code id}; returns the previous image, if any. */
  public synchronized Digest tag(ImageReference ref, Digest id) {
    if (!Files.isRegularFile(layout.image(id))) {
      throw EngineException.notFound("No such image: " + id);
    }
    Map<String, String> refs = readRefs();
    String old = refs.put(ref.withDefaultTag().toString(), id.toString());
    writeRefs(refs);
    return old == null ? null : Digest.parse(old);
  }

  /** Removes a name; returns the image it pointed to, or null. */
  public synchronized Digest untag(ImageReference ref) {
    Map<String, String> refs = readRefs();
    String old = refs.remove(ref.withDefaultTag().toString());
    if (old != null) {
      writeRefs(refs);
    }
    return old == null ? null : Digest.parse(old);
  }

  /** The image a reference names, or null. */
  public synchronized Image byReference(ImageReference ref) {
    String id = refs().get(ref.withDefaultTag().toString());
    return id == null ? null : get(Digest.parse(id));
  }

  /**
   * Finds an image as {@code docker run} does: by reference, then by full or unique short id
   * ({@code sha256:} optional). Returns null when nothing matches.
   */
  public synchronized Image find(String nameOrId) {
    String hex = nameOrId.startsWith("sha256:") ? nameOrId.substring(7) : nameOrId;
    if (hex.matches("[a-f0-9]{1,64}") && (nameOrId.startsWith("sha256:") || hex.length() >= 4)) {
      List<Digest> matches = ids().stream().filter(d -> d.hex().startsWith(hex)).toList();
      if (matches.size() == 1) {
        return get(matches.get(0));
      }
      if (matches.size() > 1) {
        throw EngineException.invalid(EngineMessage.IMAGE_ID_AMBIGUOUS, nameOrId);
      }
      if (nameOrId.startsWith("sha256:")) {
        return null;
      }
    }
    return byReference(ImageReference.parse(nameOrId));
  }

  /** The image with this id; it must exist. */
  public synchronized Image get(Digest id) {
    Image cached = imageCache.get(id);
    if (cached != null) {
      return cached;
    }
    if (!Files.isRegularFile(layout.image(id))) {
      throw EngineException.notFound("No such image: " + id);
    }
    try {
      Map<String, String> record = readRecord(id);
      ImageConfig config = parseConfig(id);
      long size = 0;
      for (String diffId : config.diffIdsOrEmpty()) {
        Digest d = Digest.parse(diffId);
        size += layers.has(d) ? layers.get(d).size() : 0; // a missing layer shows when the image is run
      }
      List<ImageReference> tags = new ArrayList<>();
      List<ImageReference> digests = new ArrayList<>();
      for (String name : refsById().getOrDefault(id.toString(), List.of())) {
        ImageReference ref = ImageReference.parse(name);
        (ref.digest() != null && ref.tag() == null ? digests : tags).add(ref);
      }
      String parent = record.get("parent");
      Image image = new Image(id, Digest.parse(record.get("manifest")), config, List.copyOf(tags), size, digests,
          parent == null || parent.isEmpty() ? null : Digest.parse(parent), parent != null);
      imageCache.put(id, image);
      return image;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_READ_FAILED, e, id, e.getMessage());
    }
  }

  private Map<String, String> readRecord(Digest id) throws IOException {
    return JSON.readValue(layout.image(id).toFile(), new TypeReference<>() {});
  }

  /** Every image, newest first. */
  public synchronized List<Image> list() {
    if (listCache == null) {
      record Dated(Image image, Instant created) {}
      List<Dated> all = new ArrayList<>();
      for (Digest id : ids()) {
        Image img = get(id);
        all.add(new Dated(img, img.created())); // parsed once, not at each comparison
      }
      all.sort(Comparator.comparing(Dated::created).reversed());
      listCache = all.stream().map(Dated::image).toList();
    }
    return new ArrayList<>(listCache);
  }

  /**
   * The image {@code img} was made from (Docker's "Parent"): the one recorded when it was made here; for an image
   * recorded before parents were kept, of those it is built on, the one of the longest history, the newer of two
   * as long (as the first of {@link #list}); null when there is none.
   */
  public synchronized Image parentOf(Image img) {
    Image parent = lineage().parentOf(img);
    return parent == null ? null : get(parent.id());
  }

  /** Whether another image was made from {@code img} (Docker's "image has dependent child images"). */
  public synchronized boolean hasChild(Image img) {
    return lineage().hasChild(img);
  }

  /** Untagged, and no image made from it (Docker's "dangling"). */
  public synchronized boolean dangling(Image img) {
    return lineage().dangling(img);
  }

  /** Forgets an image record (its names must be gone already); blobs and layers are the caller's. */
  public synchronized void remove(Digest id) {
    try {
      Files.deleteIfExists(layout.image(id));
      imageCache.remove(id);
      listCache = null;
      if (idsCache != null) {
        idsCache.remove(id);
      }
      if (lineageCache != null) {
        lineageCache.remove(id);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_DELETE_FAILED, e, id, e.getMessage());
    }
  }

  /**
   * The blobs an image stands on: its config, its manifest and its layers' blobs.
   *
   * @throws EngineException when its manifest is missing or unreadable
   */
  public static List<Digest> blobsOf(BlobStore blobs, Image img) {
    List<Digest> out = new ArrayList<>(List.of(img.id(), img.manifest()));
    try {
      Manifest m = JSON.readValue(blobs.read(img.manifest()), Manifest.class);
      m.layers().forEach(l -> out.add(Digest.parse(l.digest())));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.MANIFEST_NOT_JSON, e, img.id(), e.getMessage());
    }
    return out;
  }

  /** The index of every image by its history, in the order of {@link #ids}: made once, then kept as images go. */
  private ImageLineage lineage() {
    if (lineageCache == null) {
      List<Image> all = new ArrayList<>();
      for (Digest id : ids()) {
        all.add(get(id));
      }
      lineageCache = new ImageLineage(all);
    }
    return lineageCache;
  }

  private Set<Digest> ids() {
    if (idsCache == null) {
      idsCache = readIds();
    }
    return idsCache;
  }

  private Set<Digest> readIds() {
    Set<Digest> ids = new LinkedHashSet<>();
    if (!Files.isDirectory(layout.images())) {
      return ids;
    }
    try (var list = Files.list(layout.images())) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString();
        if (name.matches("[a-f0-9]{64}\\.json")) {
          ids.add(Digest.sha256(name.substring(0, 64)));
        }
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LIST_FAILED, e, layout.images(), e.getMessage());
    }
    return ids;
  }

  private ImageConfig parseConfig(Digest configDigest) {
    try {
      return JSON.readValue(blobs.read(configDigest), ImageConfig.class);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_CONFIG_NOT_JSON, e, configDigest, e.getMessage());
    }
  }

  /** A copy of the names, to change and write back. */
  private Map<String, String> readRefs() {
    return new TreeMap<>(refs());
  }

  /** The names as read (not to be changed). */
  private Map<String, String> refs() {
    if (refsCache != null) {
      return refsCache;
    }
    Path file = layout.repositories();
    if (!Files.isRegularFile(file)) {
      refsCache = new TreeMap<>();
      return refsCache;
    }
    try {
      refsCache = new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
      return refsCache;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.READ_FAILED, e, file, e.getMessage());
    }
  }

  /** The names of each image id, made once from the names rather than by a walk of them for each image. */
  private Map<String, List<String>> refsById() {
    if (refsByIdCache == null) {
      Map<String, List<String>> byId = new HashMap<>();
      refs().forEach((name, id) -> byId.computeIfAbsent(id, k -> new ArrayList<>()).add(name));
      refsByIdCache = byId;
    }
    return refsByIdCache;
  }

  private void writeRefs(Map<String, String> refs) {
    try {
      AtomicFiles.write(layout.repositories(), JSON.writeValueAsBytes(refs));
      Map<String, String> before = refs();
      for (Map.Entry<String, String> e : before.entrySet()) {
        if (!e.getValue().equals(refs.get(e.getKey()))) {
          imageCache.remove(Digest.parse(e.getValue())); // a name it lost
        }
      }
      for (Map.Entry<String, String> e : refs.entrySet()) {
        if (!e.getValue().equals(before.get(e.getKey()))) {
          imageCache.remove(Digest.parse(e.getValue())); // a name it gained
        }
      }
      refsCache = new TreeMap<>(refs);
      refsByIdCache = null;
      listCache = null;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, layout.repositories(), e.getMessage());
    }
  }
}
