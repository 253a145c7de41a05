package dev.docklab.engine.store;

import dev.docklab.engine.api.Digest;
import java.nio.file.Path;

/**
 * The one place that knows where things live under the data root (default {@code /var/lib/docklab}).
 *
 * <pre>
 * blobs/sha256/HEX             content-addressed blobs: layer tars, configs, manifests
 * layers/HEX/diff/             one unpacked layer, named by its diff id
 * layers/HEX/layer.json        its size and entry count
 * layers/HEX/index             its entries' paths, kinds and sizes, for explain layers
 * layers/HEX/complete          written last: only a layer that has it is ever used
 * layers/tmp-XXX/              a layer being unpacked, renamed to layers/HEX/ when complete
 * l/XXXXXXXXXXXX               short links to layer dirs, when an overlay mount's options would not fit a page
 * images/HEX.json              one image (by config digest): its manifest and layers
 * images/repositories.json     tags: reference to image id
 * containers/ID/               one container: see {@link ContainerFiles}
 * containers/.removing-ID/     a removed container's files, deleted in the background
 * kept/on                      there while a lesson keeps what rm and rmi remove, for undo (see {@link Keeping})
 * kept/containers/ID/          a removed container's directory, kept whole (its read-write layer too)
 * kept/containers/ID.json      when it was removed, and whether its anonymous volumes go when it is dropped
 * kept/images/HEX.json         a deleted image's record, names, layers and blobs (which stay in the store)
 * volumes/NAME/_data/          a volume's files
 * volumes/NAME/volume.json     its record
 * networks/                    networks made with docker network create
 * network/endpoints/ID.json    a container's endpoint on a bridge, until it is taken down
 * network/pool/NAME            a network namespace made ahead of need, noted before it is made
 * runtime/                     the OCI runtime's state dir (runc --root)
 * exits/ID                     a container's exit code, written by its monitor (conmon)
 * registry/                    the built-in registry's data: see {@link RegistryFiles}
 * distribution/                which repositories each layer blob was pulled from or pushed to
 * leases/HEX.json              what an unfinished pull holds on to (see {@link Leases})
 * daemon.json                  the engine's settings (registry mirrors, the hub, containers' default limits)
 * build-cache.json             the build cache
 * bootstrapped                 the base images built on first run
 * engine.lock, engine.owner    one engine per data root: the lock, and who holds it
 * tmp/                         temp files, renamed into place when complete
 * trash/                       what is being deleted, renamed out of the store first (see {@link Trash})
 * </pre>
 */
public record Layout(Path root) {
  private static final String CONTAINERS = "containers";
  private static final String REMOVING = ".removing-";

  public Layout {
    root = root.toAbsolutePath().normalize();
  }

  public Path blobs() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path blob(Digest digest) {
    return blobs().resolve(digest.hex());
  }

  public Path layers() {
    return root.resolve("layers");
  }

  public Path layerDir(Digest diffId) {
    return layers().resolve(diffId.hex());
  }

  public Path layerDiff(Digest diffId) {
    return layerFiles(diffId).diff();
  }

  /** The files of one unpacked layer. */
  public LayerFiles layerFiles(Digest diffId) {
    return new LayerFiles(layerDir(diffId));
  }

  /** {@code l/}: short links to layer dirs, for overlay mounts of many layers. */
  public Path shortLinks() {
    return root.resolve("l");
  }

  public Path images() {
    return root.resolve("images");
  }

  public Path image(Digest id) {
    return images().resolve(id.hex() + ".json");
  }

  public Path repositories() {
    return images().resolve("repositories.json");
  }

  public Path containers() {
    return root.resolve(CONTAINERS);
  }

  public Path container(String id) {
    return containers().resolve(id);
  }

  /** The files of container {@code id}: its record, log, bundle and root filesystem. */
  public ContainerFiles containerFiles(String id) {
    return new ContainerFiles(this, id);
  }

  /**
   * The files of the container whose directory is {@code dir}, as {@link #container} gave it.
   *
   * @throws IllegalArgumentException when {@code dir} is not {@code DATA_ROOT/containers/ID}
   */
  public static ContainerFiles containerFilesAt(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    Path parent = d.getParent();
    if (parent == null || parent.getParent() == null || !parent.getFileName().toString().equals(CONTAINERS)) {
      throw new IllegalArgumentException(dir + " is not a container's directory (DATA_ROOT/" + CONTAINERS + "/ID)");
    }
    return new Layout(parent.getParent()).containerFiles(d.getFileName().toString());
  }

  /** Where a removed container's directory is renamed to, so that it is gone at once for every reader. */
  public Path removedContainer(String id) {
    return containers().resolve(REMOVING + id);
  }

  /** True when {@code dir}, in {@link #containers}, is a removed container's (see {@link #removedContainer}). */
  public static boolean isRemovedContainer(Path dir) {
    return dir.getFileName().toString().startsWith(REMOVING);
  }

  /** {@code kept/}: what rm and rmi removed while a lesson keeps it (see {@link Keeping}). */
  public Path kept() {
    return root.resolve("kept");
  }

  /** {@code kept/on}: there while removed containers and images are kept. */
  public Path keepingMark() {
    return kept().resolve("on");
  }

  /** {@code kept/containers}: kept containers' directories and their notes. */
  public Path keptContainers() {
    return kept().resolve(CONTAINERS);
  }

  /** Where a kept container's directory is, whole. */
  public Path keptContainer(String id) {
    return keptContainers().resolve(id);
  }

  /** The note of a kept container: when it was removed, and how. */
  public Path keptContainerNote(String id) {
    return keptContainers().resolve(id + ".json");
  }

  /** {@code kept/images}: kept images' records. */
  public Path keptImages() {
    return kept().resolve("images");
  }

  /** The record of kept image {@code id}. */
  public Path keptImage(Digest id) {
    return keptImages().resolve(id.hex() + ".json");
  }

  public Path volumes() {
    return root.resolve("volumes");
  }

  /** The files of volume {@code name}. */
  public VolumeFiles volume(String name) {
    return new VolumeFiles(volumes().resolve(name));
  }

  /** {@code networks/}: the networks made with {@code docker network create}. */
  public Path networks() {
    return root.resolve("networks");
  }

  /**
   * {@code network/endpoints}: one file per container that is on the bridge, written before its
   * namespace is made and removed once it is taken down, so a crash in between leaves a note of
   * what to undo.
   */
  public Path endpoints() {
    return root.resolve("network").resolve("endpoints");
  }

  /**
   * {@code network/pool}: one empty file per network namespace made ahead of a start, named as it and
   * written before it is made, so that what a killed engine left is removed by the next.
   */
  public Path netnsPool() {
    return root.resolve("network").resolve("pool");
  }

  /** The note of container {@code id}'s endpoint (see {@link #endpoints}). */
  public Path endpoint(String id) {
    return endpoints().resolve(id + ".json");
  }

  /** Where monitors write a container's exit code when it ends (file name: the id). */
  public Path exits() {
    return root.resolve("exits");
  }

  public Path runtimeState() {
    return root.resolve("runtime");
  }

  /** {@code registry/}: the built-in registry's data. */
  public Path registry() {
    return root.resolve("registry");
  }

  /** The files of the built-in registry. */
  public RegistryFiles registryFiles() {
    return new RegistryFiles(registry());
  }

  /** {@code distribution/}: which repositories each layer blob was pulled from or pushed to. */
  public Path distribution() {
    return root.resolve("distribution");
  }

  /** {@code distribution/gzip/}: the digest and size each stored layer blob was pushed as, compressed. */
  public Path compressedTwins() {
    return distribution().resolve("gzip");
  }

  /** {@code leases/}: what unfinished pulls hold on to (see {@link Leases}). */
  public Path leases() {
    return root.resolve("leases");
  }

  /** {@code daemon.json}: the engine's settings (see {@link DaemonConfig}). */
  public Path daemonConfig() {
    return root.resolve("daemon.json");
  }

  /** {@code build-cache.json}: the build cache. */
  public Path buildCache() {
    return root.resolve("build-cache.json");
  }

  /** {@code hub-catalogue.json}: the hub's repositories that {@code docklab images add} made (debian, tomcat). */
  public Path addedCatalogue() {
    return root.resolve("hub-catalogue.json");
  }

  /** {@code bootstrapped}: written once the base images have been built. */
  public Path bootstrapped() {
    return root.resolve("bootstrapped");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  /** {@code trash/}: directories being deleted, out of the store already (see {@link Trash}). */
  public Path trash() {
    return root.resolve("trash");
  }

  public Path lockFile() {
    return root.resolve("engine.lock");
  }

  /** {@code engine.owner}: who holds {@link #lockFile}, for the message another engine shows. */
  public Path ownerFile() {
    return root.resolve("engine.owner");
  }
}
