package dev.docklab.engine.service;

import com.sun.management.OperatingSystemMXBean;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageAddRequest;
import dev.docklab.engine.api.Info;
import dev.docklab.engine.api.SystemService;
import dev.docklab.engine.runtime.SecurityProfiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code docker info}, {@code docker system df}, {@code docker inspect} of any object, the offline base
 * images and the tutorial's images added from a Debian mirror, and keeping what is removed for a lesson's undo.
 */
final class LocalSystem implements SystemService {
  private final EngineParts p;
  private final Keeper keeper;
  private BaseImages baseImages;
  private TutorialImages tutorialImages;

  LocalSystem(EngineParts parts, Keeper keeper) {
    this.p = parts;
    this.keeper = keeper;
  }

  void setBaseImages(BaseImages baseImages, TutorialImages tutorialImages) {
    this.baseImages = baseImages;
    this.tutorialImages = tutorialImages;
  }

  @Override
  public Info info() {
    List<Container> all = p.containerStore().list();
    int running = (int) all.stream().filter(c -> c.state().running()).count();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Info(all.size(), running, 0, all.size() - running, p.images().list().size(), p.driver().name(),
        backingFilesystem(), p.runtime().choice().name(), p.runtime().choice().reason(), p.host().cgroupVersion(),
        p.host().hybridCgroups(), "cgroupfs", p.host().kernel(), p.host().operatingSystem(),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
        p.layout().root(), Engine.VERSION, securityOptions());
  }

  /** Docker's list: AppArmor where the host has it, the default seccomp profile, cgroupns on cgroup v2. */
  private List<String> securityOptions() {
    SecurityProfiles security = p.containers().security();
    List<String> out = new ArrayList<>();
    if (security.appArmorAvailable()) {
      out.add("name=apparmor");
    }
    out.add("name=seccomp,profile=" + security.defaultSeccomp()
        + (security.defaultSeccompInstalled() ? "" : " (missing: apt-get install " + SecurityProfiles.SECCOMP_PACKAGE
            + ")"));
    if (p.host().cgroupVersion() == 2) {
      out.add("name=cgroupns");
    }
    return out;
  }

  @Override
  public DiskUsage df() {
    return new DiskUsages(p).measure();
  }

  private String backingFilesystem() {
    try {
      String type = Files.getFileStore(p.layout().root()).type();
      return type.equals("ext4") || type.equals("ext3") || type.equals("ext2") ? "extfs" : type;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** An inspector that names the user networks by their ids. */
  Inspector inspector() {
    Map<String, String> ids = new HashMap<>();
    p.networkStore().list().forEach(n -> ids.put(n.name(), n.id()));
    return new Inspector(p.layout(), p.runtime().choice().name(), ids);
  }

  @Override
  public Map<String, Object> inspect(String ref, String type) {
    Inspector inspector = inspector();
    if (type == null || type.equals("container")) {
      try {
        Container c = p.containerStore().find(ref);
        Image image;
        try {
          image = p.images().get(c.imageDigest());
        } catch (EngineException e) {
          image = null;
        }
        return inspector.container(c, image, c.driver());
      } catch (EngineException e) {
        if (e.kind() != EngineException.Kind.NOT_FOUND || "container".equals(type)) {
          throw e;
        }
      }
    }
    Image img = null;
    try {
      img = p.images().find(ref);
    } catch (EngineException e) {
      // not a valid reference either
    }
    if (img == null) {
      throw EngineException.notFound("No such " + (type == null ? "object" : type) + ": " + ref);
    }
    return inspector.image(img, p.images().parentOf(img));
  }

  @Override
  public boolean baseImagesMissing() {
    return baseImages.missing();
  }

  @Override
  public List<String> ensureBaseImages() {
    return baseImages.ensure();
  }

  @Override
  public List<String> addImage(ImageAddRequest request, Consumer<String> say, BiConsumer<Integer, byte[]> output) {
    return tutorialImages.add(request, say, output);
  }

  @Override
  public void keepRemoved(boolean on) {
    keeper.set(on);
  }

  @Override
  public boolean keepsRemoved() {
    return keeper.on();
  }

  @Override
  public void dropKept(Instant before) {
    keeper.drop(before);
  }

  @Override
  public String kernel() {
    return p.host().kernel();
  }
}
