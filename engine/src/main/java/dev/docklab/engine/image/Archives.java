package dev.docklab.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Loaded;
import dev.docklab.engine.layer.BoundedTarInputStream;
import dev.docklab.engine.layer.EntryNames;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save} and {@code docker load}: the docker-archive format ({@code manifest.json},
 * {@code CONFIG.json}, {@code LAYER/layer.tar}, {@code repositories}) that Docker and skopeo read
 * and write, and, for loading, the OCI image layout ({@code index.json}, {@code blobs/sha256/...}).
 */
public final class Archives {
  /** The most a manifest, index or image config of an archive may weigh (as a registry's manifest). */
  static final long JSON_MAX = 16L << 20;
  private final Layout layout;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;

  public Archives(Layout layout, BlobStore blobs, LayerStore layers, ImageStore images) {
    this.layout = layout;
    this.blobs = blobs;
    this.layers = layers;
    this.images = images;
  }

  /** Writes the images, with the names given, as one docker-archive tar. */
  public void save(List<Image> toSave, List<List<ImageReference>> names, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    List<Map<String, Object>> manifest = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    Set<String> written = new HashSet<>();
    for (int i = 0; i < toSave.size(); i++) {
      Image img = toSave.get(i);
      Manifest m = ImageStore.JSON.readValue(blobs.read(img.manifest()), Manifest.class);
      String configName = img.id().hex() + ".json";
      if (written.add(configName)) {
        put(tar, configName, blobs.read(img.id()));
      }
      List<String> layerNames = new ArrayList<>();
      List<Digest> diffIds = img.diffIds();
      for (int l = 0; l < diffIds.size(); l++) {
        String name = diffIds.get(l).hex() + "/layer.tar";
        layerNames.add(name);
        if (written.add(name)) {
          Digest blob = Digest.parse(m.layers().get(l).digest());
          long size;
          try (InputStream in = LayerStore.decompress(blobs.open(blob))) {
            size = in.transferTo(OutputStream.nullOutputStream());
          }
          TarArchiveEntry e = new TarArchiveEntry(name);
          e.setSize(size);
          e.setMode(0644);
          tar.putArchiveEntry(e);
          try (InputStream in = LayerStore.decompress(blobs.open(blob))) {
            in.transferTo(tar);
          }
          tar.closeArchiveEntry();
        }
      }
      List<String> tags = names.get(i).stream().map(ImageReference::familiarString).toList();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("Config", configName);
      entry.put("RepoTags", tags.isEmpty() ? null : tags);
      entry.put("Layers", layerNames);
      manifest.add(entry);
      for (ImageReference r : names.get(i)) {
        repositories.computeIfAbsent(r.familiarName(), k -> new LinkedHashMap<>()).put(r.tag(), img.id().hex());
      }
    }
    put(tar, "manifest.json", ImageStore.JSON.writeValueAsBytes(manifest));
    if (!repositories.isEmpty()) {
      put(tar, "repositories", ImageStore.JSON.writeValueAsBytes(repositories));
    }
    tar.finish();
    tar.flush();
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    e.setMode(0644);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  /**
   * Loads a docker-archive or an OCI layout tar (plain or gzip). The archive is unpacked into a temp
   * dir under the data root first (regular files and dirs only, names checked), so a truncated or
   * hostile archive is refused before the store is touched.
   */
  public List<Loaded> load(InputStream archive) {
    Path dir = null;
    try {
      Files.createDirectories(layout.tmp());
      dir = Files.createTempDirectory(layout.tmp(), "load-");
      unpackPlain(LayerStore.decompress(archive), dir);
      if (Files.isRegularFile(dir.resolve("manifest.json"))) {
        return loadDockerArchive(dir);
      }
      if (Files.isRegularFile(dir.resolve("index.json"))) {
        return loadOciLayout(dir);
      }
      throw EngineException.invalid(EngineMessage.ARCHIVE_NO_MANIFEST);
    } catch (IOException e) {
      throw EngineException.invalid(EngineMessage.ARCHIVE_INVALID, e.getMessage());
    } finally {
      if (dir != null) {
        try {
          Trees.deleteRecursively(dir);
        } catch (IOException ignored) {
          // tmp/ is emptied at start-up
        }
      }
    }
  }

  private List<Loaded> loadDockerArchive(Path dir) throws IOException {
    List<Loaded> out = new ArrayList<>();
    JsonNode manifest = ImageStore.JSON.readTree(readSmall(dir.resolve("manifest.json")));
    for (JsonNode entry : manifest) {
      List<Path> layerFiles = new ArrayList<>();
      for (JsonNode l : entry.path("Layers")) {
        layerFiles.add(inside(dir, l.asText()));
      }
      byte[] config = readSmall(inside(dir, entry.path("Config").asText()));
      List<ImageReference> names = new ArrayList<>();
      for (JsonNode t : entry.path("RepoTags")) {
        names.add(ImageReference.parse(t.asText()).withDefaultTag());
      }
      out.add(record(layerFiles, config, names));
    }
    return out;
  }

  private List<Loaded> loadOciLayout(Path dir) throws IOException {
    List<Loaded> out = new ArrayList<>();
    JsonNode index = ImageStore.JSON.readTree(readSmall(dir.resolve("index.json")));
    for (JsonNode desc : index.path("manifests")) {
      JsonNode manifest = ImageStore.JSON.readTree(readSmall(blobFile(dir, desc.path("digest").asText())));
      if (manifest.has("manifests")) {
        throw EngineException.invalid(EngineMessage.ARCHIVE_NESTED_INDEX);
      }
      List<Path> layerFiles = new ArrayList<>();
      for (JsonNode l : manifest.path("layers")) {
        layerFiles.add(blobFile(dir, l.path("digest").asText()));
      }
      byte[] config = readSmall(blobFile(dir, manifest.path("config").path("digest").asText()));
      List<ImageReference> names = new ArrayList<>();
      String refName = desc.path("annotations").path("io.containerd.image.name").asText(
          desc.path("annotations").path("org.opencontainers.image.ref.name").asText(""));
      if (!refName.isEmpty() && ImageReference.isValid(refName)) {
        names.add(ImageReference.parse(refName).withDefaultTag());
      }
      out.add(record(layerFiles, config, names));
    }
    return out;
  }

  private Loaded record(List<Path> layerFiles, byte[] config, List<ImageReference> names) throws IOException {
    ImageAssembler assembler = new ImageAssembler(layout, blobs, layers, images);
    for (Path f : layerFiles) {
      try (InputStream in = Files.newInputStream(f)) {
        assembler.addLayer(in);
      }
    }
    Digest id = assembler.finishVerbatim(config);
    for (ImageReference r : names) {
      images.tag(r, id);
    }
    return new Loaded(id, names);
  }

  /** A JSON file of the archive (manifest, index, config), read whole: at most {@link #JSON_MAX} bytes. */
  private static byte[] readSmall(Path file) throws IOException {
    long size = Files.size(file);
    if (size > JSON_MAX) {
      throw EngineException.invalid(EngineMessage.ARCHIVE_JSON_TOO_BIG, file.getFileName(), String.valueOf(size),
          String.valueOf(JSON_MAX));
    }
    return Files.readAllBytes(file);
  }

  private static Path blobFile(Path dir, String digest) {
    Digest d = Digest.parse(digest);
    return inside(dir, "blobs/" + d.algorithm() + "/" + d.hex());
  }

  private static Path inside(Path dir, String name) {
    Path p = dir.resolve(name).normalize();
    if (!p.startsWith(dir) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw EngineException.invalid(EngineMessage.ARCHIVE_ENTRY_MISSING, EntryNames.brief(name));
    }
    return p;
  }

  /**
   * Unpacks only regular files and directories, refusing names that climb out. A symbolic link to
   * another file of the archive (older Docker saves one layer.tar per layer and links duplicates to
   * it) becomes a copy of that file; a link that points outside is refused.
   */
  private static void unpackPlain(InputStream in, Path dir) throws IOException {
    TarArchiveInputStream tar = new BoundedTarInputStream(in);
    TarArchiveEntry e;
    int count = 0;
    Map<Path, Path> links = new LinkedHashMap<>();
    while ((e = tar.getNextEntry()) != null) {
      count++;
      Path p = dir.resolve(e.getName()).normalize();
      if (e.getName().startsWith("/") || !p.startsWith(dir)) {
        throw EngineException.invalid(EngineMessage.ARCHIVE_ENTRY_OUTSIDE, EntryNames.brief(e.getName()));
      }
      if (e.isSymbolicLink()) { // before isFile(): commons-compress counts a symbolic link as a file
        Path target = p.getParent().resolve(e.getLinkName()).normalize();
        if (e.getLinkName().startsWith("/") || !target.startsWith(dir)) {
          throw EngineException.invalid(EngineMessage.ARCHIVE_LINK_OUTSIDE, EntryNames.brief(e.getName()));
        }
        links.put(p, target);
      } else if (e.isDirectory()) {
        Files.createDirectories(p);
      } else if (e.isFile()) {
        Files.createDirectories(p.getParent());
        try (OutputStream out = Files.newOutputStream(p)) {
          tar.transferTo(out);
        }
      } else {
        throw EngineException.invalid(EngineMessage.ARCHIVE_UNEXPECTED_ENTRY, EntryNames.brief(e.getName()));
      }
    }
    if (count == 0) {
      throw EngineException.invalid(EngineMessage.ARCHIVE_EMPTY);
    }
    for (var link : links.entrySet()) {
      if (Files.isRegularFile(link.getValue(), LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(link.getKey().getParent());
        Files.copy(link.getValue(), link.getKey(), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
