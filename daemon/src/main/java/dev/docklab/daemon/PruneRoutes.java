package dev.docklab.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.CachePruned;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.api.Removal;
import java.util.List;

/** {@code system df} and the prunes of containers, images and the build cache. */
final class PruneRoutes {
  private final Engine engine;

  PruneRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("GET", "/system/df", this::df)
        .on("POST", "/containers/prune", this::pruneContainers)
        .on("POST", "/images/prune", this::pruneImages)
        .on("POST", "/build/prune", this::pruneBuildCache);
  }

  private void df(Exchange x) {
    DiskUsage du = engine.system().df();
    ObjectNode o = Json.object();
    o.put("LayersSize", du.images().size());
    ArrayNode images = o.putArray("Images");
    for (DiskUsage.ImageItem i : du.imageItems()) {
      ObjectNode n = images.addObject();
      n.put("Id", i.image().id().toString());
      n.put("ParentId", "");
      ArrayNode tags = n.putArray("RepoTags");
      i.image().repoTags().forEach(t -> tags.add(t.familiarString()));
      n.putArray("RepoDigests");
      n.put("Created", i.image().created().getEpochSecond());
      n.put("Size", i.image().size());
      n.put("SharedSize", i.sharedSize());
      n.put("VirtualSize", i.image().size());
      n.putObject("Labels");
      n.put("Containers", i.containers());
    }
    ArrayNode containers = o.putArray("Containers");
    for (DiskUsage.ContainerItem c : du.containerItems()) {
      ObjectNode n = ContainerList.summary(c.container(), c.size());
      n.put("SizeRootFs", c.size());
      containers.add(n);
    }
    ArrayNode volumes = o.putArray("Volumes");
    for (DiskUsage.VolumeItem v : du.volumeItems()) {
      ObjectNode n = VolumeRoutes.volume(v.volume());
      n.putObject("UsageData").put("Size", v.size()).put("RefCount", v.links());
      volumes.add(n);
    }
    o.putArray("BuildCache");
    x.json(200, o);
  }

  private void pruneContainers(Exchange x) {
    ObjectNode o = Json.object();
    ArrayNode gone = o.putArray("ContainersDeleted");
    long reclaimed = 0;
    for (Container c : engine.containers().list(true)) {
      if (!c.state().running()) {
        long size = engine.containers().size(c.id());
        engine.containers().remove(c.id(), false, false);
        gone.add(c.id());
        reclaimed += size;
      }
    }
    o.put("SpaceReclaimed", reclaimed);
    x.json(200, o);
  }

  private void pruneBuildCache(Exchange x) {
    boolean all = "1".equals(x.query("all")) || "true".equals(x.query("all"));
    CachePruned pruned = engine.images().pruneBuildCache(all);
    ObjectNode o = Json.object();
    ArrayNode deleted = o.putArray("CachesDeleted");
    pruned.deleted().forEach(deleted::add);
    o.put("SpaceReclaimed", pruned.reclaimedBytes());
    x.json(200, o);
  }

  private void pruneImages(Exchange x) {
    boolean danglingOnly = !Filters.values(Filters.parse(x.query("filters")), "dangling").contains("false");
    List<String> used = engine.containers().list(true).stream().map(Container::imageId).toList();
    List<Image> images = engine.images().list();
    ObjectNode o = Json.object();
    ArrayNode deleted = o.putArray("ImagesDeleted");
    long reclaimed = 0;
    ImageLineage lineage = new ImageLineage(images);
    for (Image i : images) {
      boolean dangling = lineage.dangling(i);
      if (used.contains(i.id().toString()) || (danglingOnly && !dangling)) {
        continue;
      }
      try {
        Removal r = engine.images().remove(i.id().toString(), true, true);
        r.untagged().forEach(u -> deleted.addObject().put("Untagged", u));
        r.deleted().forEach(d -> deleted.addObject().put("Deleted", d));
        reclaimed += r.reclaimedBytes();
      } catch (EngineException e) {
        // used meanwhile, or gone with another image: left as it is
      }
    }
    o.put("SpaceReclaimed", reclaimed);
    x.json(200, o);
  }
}
