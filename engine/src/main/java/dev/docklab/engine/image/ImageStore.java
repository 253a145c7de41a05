package dev.docklab.engine.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Images and their names. An image is its config blob (the id) and manifest blob; tags map a
 * reference to an image id in {@code images/repositories.json}. Every change is written atomically.
 * The engine holds the data root's lock, so this store is the only writer and keeps what it read.
 */
public final class ImageStore {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Layout layout;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final Map<Digest, Image> imageCache = new HashMap<>();
  private Map<String, String> refsCache;

  public ImageStore(Layout layout, BlobStore blobs, LayerStore layers) {
    this.layout = layout;
    this.blobs = blobs;
    this.layers = layers;
  }

  /** Records an image whose config and manifest blobs, and unpacked layers, are already stored. */
  public synchronized Digest add(Digest configDigest, Digest manifestDigest) {
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
      AtomicFiles.write(layout.image(configDigest), JSON.writeValueAsBytes(record));
      imageCache.remove(configDigest);
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
    String id = readRefs().get(ref.withDefaultTag().toString());
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
      Map<String, String> record = JSON.readValue(layout.image(id).toFile(), new TypeReference<>() {});
      ImageConfig config = parseConfig(id);
      long size = 0;
      for (String diffId : config.diffIdsOrEmpty()) {
        Digest d = Digest.parse(diffId);
        size += layers.has(d) ? layers.get(d).size() : 0; // a missing layer shows when the image is run
      }
      List<ImageReference> tags = new ArrayList<>();
      List<ImageReference> digests = new ArrayList<>();
      for (Map.Entry<String, String> e : readRefs().entrySet()) {
        if (e.getValue().equals(id.toString())) {
          ImageReference ref = ImageReference.parse(e.getKey());
          (ref.digest() != null && ref.tag() == null ? digests : tags).add(ref);
        }
      }
      Image image = new Image(id, Digest.parse(record.get("manifest")), config, List.copyOf(tags), size, digests);
      imageCache.put(id, image);
      return image;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_READ_FAILED, e, id, e.getMessage());
    }
  }

  /** Every image, newest first. */
  public synchronized List<Image> list() {
    List<Image> all = new ArrayList<>();
    for (Digest id : ids()) {
      all.add(get(id));
    }
    all.sort((a, b) -> b.created().compareTo(a.created()));
    return all;
  }

  /** Forgets an image record (its names must be gone already); blobs and layers are the caller's. */
  public synchronized void remove(Digest id) {
    try {
      Files.deleteIfExists(layout.image(id));
      imageCache.remove(id);
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

  private List<Digest> ids() {
    List<Digest> ids = new ArrayList<>();
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

  private Map<String, String> readRefs() {
    if (refsCache != null) {
      return new TreeMap<>(refsCache);
    }
    Path file = layout.repositories();
    if (!Files.isRegularFile(file)) {
      refsCache = new TreeMap<>();
      return new TreeMap<>();
    }
    try {
      refsCache = new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
      return new TreeMap<>(refsCache);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.READ_FAILED, e, file, e.getMessage());
    }
  }

  private void writeRefs(Map<String, String> refs) {
    try {
      AtomicFiles.write(layout.repositories(), JSON.writeValueAsBytes(refs));
      refsCache = new TreeMap<>(refs);
      imageCache.clear(); // the names of images changed
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, layout.repositories(), e.getMessage());
    }
  }
}
