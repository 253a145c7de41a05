package dev.docklab.engine.api;

import java.util.List;

/**
 * {@code docker system df}: the space images, containers, local volumes and the build cache take,
 * each as a summary row and item by item ({@code -v}).
 *
 * @param images the images: their layers counted once however many images share them
 * @param containers the containers: what each wrote into its read-write layer
 * @param volumes the local volumes
 * @param buildCache the build cache: docklab's builder keeps its cache as images (as Docker's classic
 *     builder does), so its layers count under images, and this row counts the cache's entries
 * @param imageItems each image
 * @param containerItems each container
 * @param volumeItems each volume
 */
public record DiskUsage(Summary images, Summary containers, Summary volumes, Summary buildCache,
    List<ImageItem> imageItems, List<ContainerItem> containerItems, List<VolumeItem> volumeItems) {

  public DiskUsage {
    imageItems = List.copyOf(imageItems);
    containerItems = List.copyOf(containerItems);
    volumeItems = List.copyOf(volumeItems);
  }

  /**
   * One row of the summary.
   *
   * @param total how many there are
   * @param active how many are in use (images with a container, running containers, volumes mounted by a container)
   * @param size the bytes they take
   * @param reclaimable the bytes that removing what is not in use would free
   */
  public record Summary(int total, int active, long size, long reclaimable) {}

  /**
   * One image.
   *
   * @param image the image
   * @param sharedSize the bytes of its layers that other images use too
   * @param uniqueSize the bytes of its layers that only it uses
   * @param containers how many containers were made from it
   */
  public record ImageItem(Image image, long sharedSize, long uniqueSize, int containers) {}

  /**
   * One container.
   *
   * @param container the container
   * @param size the bytes it wrote into its read-write layer
   * @param localVolumes how many volumes it mounts
   */
  public record ContainerItem(Container container, long size, int localVolumes) {}

  /**
   * One volume.
   *
   * @param volume the volume
   * @param links how many containers mount it
   * @param size the bytes of its files
   */
  public record VolumeItem(Volume volume, int links, long size) {}
}
