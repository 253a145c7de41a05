package dev.docklab.engine.store;

import dev.docklab.engine.api.Digest;
import java.nio.file.Path;

/**
 * The files of the built-in registry (the hub), {@code registry/} of the data root or any directory a
 * hub is opened on.
 *
 * <pre>
 * blobs/sha256/HEX             blobs by digest (manifests too, byte for byte)
 * repositories/NAME/           one repository: see {@link Repository}
 * uploads/ID/                  an upload under way: see {@link Upload}
 * users.json                   the hub's accounts
 * token.key                    the key its tokens are signed with
 * </pre>
 *
 * @param root the registry's directory
 */
public record RegistryFiles(Path root) {
  public Path blobs() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path blob(Digest digest) {
    return blobs().resolve(digest.hex());
  }

  public Path repositories() {
    return root.resolve("repositories");
  }

  /** The files of repository {@code name} (a valid repository name: callers check it). */
  public Repository repository(String name) {
    return new Repository(repositories().resolve(name));
  }

  public Path uploads() {
    return root.resolve("uploads");
  }

  /** The files of upload {@code id} (a UUID: callers check it). */
  public Upload upload(String id) {
    return new Upload(uploads().resolve(id));
  }

  /** The hub's accounts. */
  public Path users() {
    return root.resolve("users.json");
  }

  /** The key the hub signs its tokens with. */
  public Path tokenKey() {
    return root.resolve("token.key");
  }

  /**
   * One repository: links to the blobs it holds ({@code _layers/HEX}, empty) and to its manifests
   * ({@code _manifests/HEX}, holding the media type), its tags ({@code _tags/TAG}, holding a digest)
   * and its Hub metadata ({@code _meta.json}).
   *
   * @param dir the repository's directory
   */
  public record Repository(Path dir) {
    private static final String MANIFESTS = "_manifests";

    public Path layers() {
      return dir.resolve("_layers");
    }

    public Path layer(Digest digest) {
      return layers().resolve(digest.hex());
    }

    public Path manifests() {
      return dir.resolve(MANIFESTS);
    }

    public Path manifest(Digest digest) {
      return manifests().resolve(digest.hex());
    }

    public Path tags() {
      return dir.resolve("_tags");
    }

    public Path tag(String tag) {
      return tags().resolve(tag);
    }

    public Path meta() {
      return dir.resolve("_meta.json");
    }

    /** True when {@code dir} is some repository's {@link #manifests} directory. */
    public static boolean isManifests(Path dir) {
      return dir.getFileName().toString().equals(MANIFESTS);
    }
  }

  /**
   * One upload under way: the repository it is for ({@code name}) and the bytes so far ({@code data}).
   *
   * @param dir the upload's directory
   */
  public record Upload(Path dir) {
    /** Holds the name of the repository the upload is for. */
    public Path nameFile() {
      return dir.resolve("name");
    }

    public Path data() {
      return dir.resolve("data");
    }
  }
}
