package dev.docklab.engine.registry.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.RepositoryMeta;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.registry.MediaTypes;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.registry.RepositoryNames;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.RegistryFiles;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The hub's data, under {@code DATA_ROOT/registry}: blobs by digest (manifests too, byte for byte),
 * and per repository the links that say what it holds ({@code _layers}, {@code _manifests}), its
 * tags and its Hub-style metadata. Every write goes through a temp file and a rename; an upload's
 * bytes are hashed as they arrive and only a blob whose content matches its digest is kept.
 */
public final class HubStore {
  static final ObjectMapper JSON = new ObjectMapper();
  /** A manifest is small: anything larger is refused rather than held in memory. */
  static final int MAX_MANIFEST = 4 << 20;
  private static final long MAP_PIECE = 1L << 30;
  private final RegistryFiles files;

  public HubStore(Path root) {
    this.files = new RegistryFiles(root);
    try {
      Files.createDirectories(files.blobs());
      Files.createDirectories(files.repositories());
      Files.createDirectories(files.uploads());
    } catch (IOException e) {
      throw new UncheckedIOException("could not make the hub's store in " + root, e);
    }
  }

  /** A manifest as stored: its media type, bytes and digest. */
  public record StoredManifest(String mediaType, byte[] bytes, Digest digest) {}

  // ---- blobs

  private RegistryFiles.Repository repo(String name) {
    return files.repository(RepositoryNames.requireName(name));
  }

  public boolean hasBlob(String name, Digest d) {
    return Files.exists(repo(name).layer(d)) && Files.exists(files.blob(d));
  }

  public long blobSize(String name, Digest d) {
    if (!hasBlob(name, d)) {
      throw RegistryError.blobUnknown(d.toString());
    }
    try {
      return Files.size(files.blob(d));
    } catch (IOException e) {
      throw RegistryError.blobUnknown(d.toString());
    }
  }

  public InputStream openBlob(String name, Digest d) throws IOException {
    if (!hasBlob(name, d)) {
      throw RegistryError.blobUnknown(d.toString());
    }
    return Files.newInputStream(files.blob(d));
  }

  /**
   * Blob {@code d} mapped into memory, in pieces of at most 1 GiB (a mapping's limit is 2 GiB), so that
   * it is sent from the page cache to the socket with no copy through the heap. A blob is never written
   * in place (uploads are renamed in), so a mapping cannot see it change.
   */
  public ByteBuffer[] mapBlob(String name, Digest d) throws IOException {
    if (!hasBlob(name, d)) {
      throw RegistryError.blobUnknown(d.toString());
    }
    try (FileChannel ch = FileChannel.open(files.blob(d), StandardOpenOption.READ)) {
      long size = ch.size();
      int count = (int) Math.max(1, (size + MAP_PIECE - 1) / MAP_PIECE);
      ByteBuffer[] pieces = new ByteBuffer[count];
      for (int i = 0; i < count; i++) {
        long at = (long) i * MAP_PIECE;
        pieces[i] = ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(MAP_PIECE, size - at));
      }
      return pieces;
    }
  }

  /** Writes {@code link}, a repository's link to a blob, holding {@code content}. */
  private static void link(Path link, String content) throws IOException {
    Files.createDirectories(link.getParent());
    AtomicFiles.write(link, content.getBytes(StandardCharsets.UTF_8));
  }

  public void deleteBlob(String name, Digest d) throws IOException {
    if (!Files.deleteIfExists(repo(name).layer(d))) {
      throw RegistryError.blobUnknown(d.toString());
    }
  }

  /** Cross-repository mount: links a blob {@code from} holds into {@code name}; false when it has none. */
  public boolean mount(String name, Digest d, String from) throws IOException {
    if (!RepositoryNames.validName(from) || !hasBlob(from, d)) {
      return false;
    }
    link(repo(name).layer(d), "");
    return true;
  }

  /** Moves a verified temp file into the blob store (or drops it when the blob is there already). */
  private void adopt(Path tmp, Digest d) throws IOException {
    if (Files.exists(files.blob(d))) {
      Files.deleteIfExists(tmp);
    } else {
      Files.move(tmp, files.blob(d), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Adds a blob from a stream, verified against {@code expected}, and links it into {@code name}. */
  public void importBlob(String name, Digest expected, InputStream in) throws IOException {
    Path tmp = Files.createTempFile(files.uploads(), "import-", ".blob");
    try {
      Digest actual;
      try (Sha256.HashingOutputStream out = new Sha256.HashingOutputStream(Files.newOutputStream(tmp))) {
        in.transferTo(out);
        out.flush();
        actual = out.digest();
      }
      if (!actual.equals(expected)) {
        throw RegistryError.digestInvalid("the content is " + actual + ", not " + expected);
      }
      adopt(tmp, actual);
      link(repo(name).layer(actual), "");
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ---- uploads

  private RegistryFiles.Upload upload(String name, String id) {
    if (!id.matches("[0-9a-f-]{36}")) {
      throw RegistryError.uploadUnknown(id);
    }
    RegistryFiles.Upload upload = files.upload(id);
    try {
      if (!Files.readString(upload.nameFile()).equals(name)) {
        throw RegistryError.uploadUnknown(id);
      }
    } catch (IOException e) {
      throw RegistryError.uploadUnknown(id);
    }
    return upload;
  }

  /** Starts an upload session in repository {@code name}; returns its id. */
  public String startUpload(String name) throws IOException {
    RepositoryNames.requireName(name);
    String id = UUID.randomUUID().toString();
    RegistryFiles.Upload upload = files.upload(id);
    Files.createDirectories(upload.dir());
    Files.writeString(upload.nameFile(), name);
    Files.createFile(upload.data());
    return id;
  }

  /** How many bytes an upload holds so far. */
  public long uploadSize(String name, String id) throws IOException {
    return Files.size(upload(name, id).data());
  }

  /**
   * Appends {@code body} to an upload; {@code start}, when given (Content-Range), must be where the
   * upload ends now. Returns the new size.
   */
  public long append(String name, String id, long start, InputStream body) throws IOException {
    Path data = upload(name, id).data();
    if (start >= 0 && start != Files.size(data)) {
      throw new RegistryError("BLOB_UPLOAD_INVALID", 416, "blob upload invalid",
          "the upload holds " + Files.size(data) + " bytes, the chunk starts at " + start);
    }
    try (OutputStream out = Files.newOutputStream(data, StandardOpenOption.APPEND)) {
      body.transferTo(out);
    }
    return Files.size(data);
  }

  /** Ends an upload: the last bytes, then the digest is checked and the blob kept in {@code name}. */
  public void finish(String name, String id, Digest expected, InputStream last) throws IOException {
    RegistryFiles.Upload upload = upload(name, id);
    append(name, id, -1, last);
    Path data = upload.data();
    Digest actual;
    try (Sha256.HashingInputStream in = new Sha256.HashingInputStream(Files.newInputStream(data))) {
      in.drain();
      actual = in.digest();
    }
    if (!actual.equals(expected)) {
      cancel(name, id);
      throw RegistryError.digestInvalid("the upload's content is " + actual + ", not " + expected);
    }
    adopt(data, actual);
    link(repo(name).layer(actual), "");
    Trees.deleteRecursively(upload.dir());
  }

  public void cancel(String name, String id) throws IOException {
    Trees.deleteRecursively(upload(name, id).dir());
  }

  /** Removes uploads whose last bytes arrived before {@code cutoff}: abandoned ones. Returns how many. */
  public int purgeUploads(Instant cutoff) throws IOException {
    int n = 0;
    try (Stream<Path> dirs = Files.list(files.uploads())) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Path data = new RegistryFiles.Upload(d).data();
        Instant last = Files.exists(data) ? Files.getLastModifiedTime(data).toInstant()
            : Files.getLastModifiedTime(d).toInstant();
        if (last.isBefore(cutoff)) {
          Trees.deleteRecursively(d);
          n++;
        }
      }
    }
    return n;
  }

  /** Removes every upload left from an earlier run: an upload abandoned is not resumed across restarts. */
  public void cleanUploads() throws IOException {
    try (Stream<Path> dirs = Files.list(files.uploads())) {
      for (Path d : dirs.toList()) {
        Trees.deleteRecursively(d);
      }
    }
  }

  // ---- manifests and tags

  /**
   * Stores a manifest under {@code reference} (a tag, or its own digest), after checking that it is
   * JSON of a known media type and that everything it references is in the repository.
   */
  public Digest putManifest(String name, String reference, String contentType, byte[] bytes) throws IOException {
    RepositoryNames.requireName(name);
    Digest digest = Sha256.of(bytes);
    boolean byDigest = Digest.isDigest(reference);
    if (byDigest && !Digest.parse(reference).equals(digest)) {
      throw RegistryError.digestInvalid("the manifest's content is " + digest + ", not " + reference);
    }
    if (!byDigest && !RepositoryNames.validTag(reference)) {
      throw RegistryError.tagInvalid(reference);
    }
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      throw RegistryError.manifestInvalid("not JSON: " + e.getMessage());
    }
    String mediaType = json.path("mediaType").asText("");
    if (mediaType.isEmpty()) {
      mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
    }
    if (mediaType.isEmpty() && json.has("config")) {
      mediaType = MediaTypes.OCI_MANIFEST;
    } else if (mediaType.isEmpty() && json.has("manifests")) {
      mediaType = MediaTypes.OCI_INDEX;
    }
    if (!MediaTypes.isManifest(mediaType)) {
      throw RegistryError.manifestInvalid("unsupported manifest media type \"" + mediaType + "\"");
    }
    if (MediaTypes.isIndex(mediaType)) {
      for (JsonNode m : json.path("manifests")) {
        Digest d = referenced(m);
        if (!Files.exists(repo(name).manifest(d))) {
          throw new RegistryError("MANIFEST_UNKNOWN", 400, "manifest unknown", d.toString());
        }
      }
    } else {
      List<JsonNode> refs = new ArrayList<>();
      refs.add(json.path("config"));
      json.path("layers").forEach(refs::add);
      for (JsonNode r : refs) {
        if (!r.has("digest")) {
          throw RegistryError.manifestInvalid("a descriptor without a digest");
        }
        Digest d = referenced(r);
        if (!hasBlob(name, d)) {
          throw RegistryError.manifestBlobUnknown(d.toString());
        }
      }
    }
    Path tmp = Files.createTempFile(files.uploads(), "manifest-", ".json");
    Files.write(tmp, bytes);
    adopt(tmp, digest);
    link(repo(name).manifest(digest), mediaType);
    if (!byDigest) {
      Path tags = repo(name).tags();
      Files.createDirectories(tags);
      AtomicFiles.write(repo(name).tag(reference), digest.toString().getBytes(StandardCharsets.UTF_8));
    }
    return digest;
  }

  /** The digest a manifest's descriptor names; DIGEST_INVALID, as Docker's registry says, when it is malformed. */
  private static Digest referenced(JsonNode descriptor) {
    String text = descriptor.path("digest").asText("");
    if (!Digest.isDigest(text)) {
      String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
      throw RegistryError.digestInvalid("the manifest references \"" + shown + "\", which is not a sha256 digest");
    }
    return Digest.parse(text);
  }

  /** The manifest a tag or digest names in {@code name}. */
  public StoredManifest manifest(String name, String reference) throws IOException {
    RegistryFiles.Repository repo = repo(name);
    if (!Files.isDirectory(repo.manifests())) {
      throw RegistryError.nameUnknown(name);
    }
    Digest d;
    if (Digest.isDigest(reference)) {
      d = Digest.parse(reference);
    } else {
      if (!RepositoryNames.validTag(reference)) {
        throw RegistryError.tagInvalid(reference);
      }
      try {
        d = Digest.parse(Files.readString(repo.tag(reference)).strip());
      } catch (NoSuchFileException e) {
        throw RegistryError.manifestUnknown(reference);
      }
    }
    Path link = repo.manifest(d);
    if (!Files.exists(link) || !Files.exists(files.blob(d))) {
      throw RegistryError.manifestUnknown(reference);
    }
    return new StoredManifest(Files.readString(link), Files.readAllBytes(files.blob(d)), d);
  }

  /** Deletes a manifest by digest (and every tag on it), or one tag. */
  public void deleteManifest(String name, String reference) throws IOException {
    RegistryFiles.Repository repo = repo(name);
    if (!Digest.isDigest(reference)) {
      if (!Files.deleteIfExists(repo.tag(reference))) {
        throw RegistryError.manifestUnknown(reference);
      }
      return;
    }
    Digest d = Digest.parse(reference);
    if (!Files.deleteIfExists(repo.manifest(d))) {
      throw RegistryError.manifestUnknown(reference);
    }
    for (String tag : tags(name)) {
      Path t = repo.tag(tag);
      if (Files.readString(t).strip().equals(d.toString())) {
        Files.deleteIfExists(t);
      }
    }
  }

  /** The repository's tags, sorted; NAME_UNKNOWN when it holds no manifest. */
  public List<String> tags(String name) throws IOException {
    RegistryFiles.Repository repo = repo(name);
    if (!Files.isDirectory(repo.manifests())) {
      throw RegistryError.nameUnknown(name);
    }
    List<String> out = new ArrayList<>();
    Path tags = repo.tags();
    if (Files.isDirectory(tags)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(tags)) {
        ds.forEach(p -> out.add(p.getFileName().toString()));
      }
    }
    out.removeIf(t -> t.startsWith(".")); // temp files of an atomic write
    out.sort(null);
    return out;
  }

  /** Every repository that holds a manifest, sorted. */
  public List<String> catalog() throws IOException {
    Path repos = files.repositories();
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(repos)) {
      walk.filter(p -> RegistryFiles.Repository.isManifests(p) && Files.isDirectory(p))
          .forEach(p -> out.add(repos.relativize(p.getParent()).toString()));
    }
    out.sort(null);
    return out;
  }

  // ---- Hub metadata

  public RepositoryMeta meta(String name) {
    Path f = repo(name).meta();
    try {
      return Files.exists(f) ? JSON.readValue(f.toFile(), RepositoryMeta.class) : new RepositoryMeta("", 0, false, false);
    } catch (IOException e) {
      return new RepositoryMeta("", 0, false, false);
    }
  }

  public void setMeta(String name, RepositoryMeta meta) throws IOException {
    Files.createDirectories(repo(name).dir());
    AtomicFiles.write(repo(name).meta(), JSON.writeValueAsBytes(meta));
  }
}
