package dev.docklab.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.api.Volume;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code docker system df}: measures images (each layer once), containers' writes, volumes and the build cache. */
final class DiskUsages {
  private final EngineParts p;

  DiskUsages(EngineParts parts) {
    this.p = parts;
  }

  DiskUsage measure() {
    List<Image> images = p.images().list();
    List<Container> containers = p.containerStore().list();
    List<DiskUsage.ImageItem> imageItems = new ArrayList<>();
    List<DiskUsage.ContainerItem> containerItems = new ArrayList<>();
    List<DiskUsage.VolumeItem> volumeItems = new ArrayList<>();
    DiskUsage.Summary imageRow = images(images, containers, imageItems);
    DiskUsage.Summary containerRow = containers(containers, containerItems);
    DiskUsage.Summary volumeRow = volumes(containers, volumeItems);
    return new DiskUsage(imageRow, containerRow, volumeRow, buildCache(images), imageItems, containerItems,
        volumeItems);
  }

  /** Each layer counted once; reclaimable: the layers no image with a container uses (what prune -a frees). */
  private DiskUsage.Summary images(List<Image> images, List<Container> containers, List<DiskUsage.ImageItem> items) {
    Map<Digest, Long> layerSize = new HashMap<>();
    Map<Digest, Integer> layerUsers = new HashMap<>();
    Map<Digest, Integer> containersOf = new HashMap<>();
    containers.forEach(c -> containersOf.merge(c.imageDigest(), 1, Integer::sum));
    for (Image img : images) {
      for (Digest d : new LinkedHashSet<>(img.diffIds())) {
        layerSize.computeIfAbsent(d, x -> p.layers().has(x) ? p.layers().get(x).size() : 0);
        layerUsers.merge(d, 1, Integer::sum);
      }
    }
    Set<Digest> activeLayers = new HashSet<>();
    int active = 0;
    for (Image img : images) {
      long size = 0;
      long shared = 0;
      for (Digest d : new LinkedHashSet<>(img.diffIds())) {
        size += layerSize.get(d);
        shared += layerUsers.get(d) > 1 ? layerSize.get(d) : 0;
      }
      int users = containersOf.getOrDefault(img.id(), 0);
      if (users > 0) {
        active++;
        activeLayers.addAll(img.diffIds());
      }
      items.add(new DiskUsage.ImageItem(img, shared, size - shared, users));
    }
    long total = layerSize.values().stream().mapToLong(Long::longValue).sum();
    long used = activeLayers.stream().mapToLong(layerSize::get).sum();
    return new DiskUsage.Summary(images.size(), active, total, total - used);
  }

  /** Active: running (or paused); reclaimable: what the others wrote. */
  private DiskUsage.Summary containers(List<Container> containers, List<DiskUsage.ContainerItem> items) {
    long total = 0;
    long reclaimable = 0;
    int active = 0;
    for (Container c : containers) {
      long size = sizeOf(p.layout().containerFiles(c.id()).writable(StorageDriverName.of(c.driver())));
      int volumes = (int) c.mounts().stream().filter(m -> "volume".equals(m.type())).count();
      items.add(new DiskUsage.ContainerItem(c, size, volumes));
      total += size;
      if (c.state().running()) {
        active++;
      } else {
        reclaimable += size;
      }
    }
    return new DiskUsage.Summary(containers.size(), active, total, reclaimable);
  }

  /** Active: mounted by at least one container (running or not); reclaimable: the others. */
  private DiskUsage.Summary volumes(List<Container> containers, List<DiskUsage.VolumeItem> items) {
    Map<String, Integer> links = new HashMap<>();
    for (Container c : containers) {
      c.mounts().stream().filter(m -> "volume".equals(m.type())).forEach(m -> links.merge(m.name(), 1, Integer::sum));
    }
    List<Volume> volumes = p.volumes().list();
    long total = 0;
    long reclaimable = 0;
    int active = 0;
    for (Volume v : volumes) {
      long size = sizeOf(v.data());
      int n = links.getOrDefault(v.name(), 0);
      items.add(new DiskUsage.VolumeItem(v, n, size));
      total += size;
      if (n > 0) {
        active++;
      } else {
        reclaimable += size;
      }
    }
    return new DiskUsage.Summary(volumes.size(), active, total, reclaimable);
  }

  /** The build cache's entries whose image is still here; their layers are counted under images. */
  private DiskUsage.Summary buildCache(List<Image> images) {
    Path file = p.layout().buildCache();
    if (!Files.isRegularFile(file)) {
      return new DiskUsage.Summary(0, 0, 0, 0);
    }
    Set<String> ids = new HashSet<>();
    images.forEach(i -> ids.add(i.id().toString()));
    int entries = 0;
    try {
      JsonNode cache = new ObjectMapper().readTree(file.toFile());
      for (JsonNode id : cache) {
        entries += ids.contains(id.asText()) ? 1 : 0;
      }
    } catch (IOException e) {
      return new DiskUsage.Summary(0, 0, 0, 0);
    }
    return new DiskUsage.Summary(entries, 0, 0, 0);
  }

  private static long sizeOf(Path dir) {
    try {
      return Trees.size(dir);
    } catch (IOException e) {
      return 0;
    }
  }
}
