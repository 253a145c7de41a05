package dev.docklab.engine.registry;

import java.util.List;

/** The manifest and layer media types docklab's hub and client speak. */
public final class MediaTypes {
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** What a client accepts for a manifest, as Docker sends it. */
  public static final List<String> MANIFESTS = List.of(DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);

  private MediaTypes() {}

  public static boolean isIndex(String mediaType) {
    return DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
  }

  public static boolean isManifest(String mediaType) {
    return MANIFESTS.contains(mediaType);
  }
}
