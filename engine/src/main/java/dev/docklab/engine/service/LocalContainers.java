package dev.docklab.engine.service;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerId;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.LogLine;
import dev.docklab.engine.api.PathStat;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.api.Started;
import dev.docklab.engine.api.StatsSample;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.api.UpdateRequest;
import dev.docklab.engine.container.LogReader;
import dev.docklab.engine.layer.TreeTar;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.Keeping;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** {@code docker container ...}: the lifecycle (in {@code ContainerService}) and what is read from a container. */
final class LocalContainers implements Containers {
  private final EngineParts p;
  private final LocalImages images;
  private final LocalSystem system;
  private final ContainerLayers containerLayers;
  private final ContainerArchives archives;

  LocalContainers(EngineParts parts, LocalImages images, LocalSystem system) {
    this.p = parts;
    this.images = images;
    this.system = system;
    this.containerLayers = new ContainerLayers(parts);
    this.archives = new ContainerArchives(parts);
  }

  @Override
  public Container create(RunRequest request, Image image) {
    return p.listener().timed(EventStep.NEW, request.image(), Container::id, () -> p.containers().create(request, image));
  }

  @Override
  public RunResult run(RunRequest request, BiConsumer<Integer, byte[]> output) {
    Image image = images.resolveForRun(request.image(), Progress.NONE);
    return runAttached(create(request, image), output);
  }

  @Override
  public RunResult runAttached(Container created, BiConsumer<Integer, byte[]> output) {
    return p.containers().runForeground(created, output);
  }

  @Override
  public Started start(String ref, boolean attach) {
    return p.containers().start(ref, attach);
  }

  @Override
  public int wait(String ref) {
    Container c = p.containerStore().find(ref);
    return c.state().running() ? p.containers().waitExit(c) : c.state().exitCode();
  }

  @Override
  public Container stop(String ref, int timeoutSeconds) {
    boolean running = p.containerStore().find(ref).state().running();
    return changed(p.containers().stop(ref, timeoutSeconds), running ? "stop" : null);
  }

  @Override
  public Container stop(String ref, int timeoutSeconds, String signal) {
    boolean running = p.containerStore().find(ref).state().running();
    return changed(p.containers().stop(ref, timeoutSeconds, signal), running ? "stop" : null);
  }

  /** Reports Docker's event for a verb that changed {@code c} ({@code action} null: it changed nothing). */
  private Container changed(Container c, String action) {
    if (action != null) {
      p.listener().on(EngineEvent.said(EventStep.STATE, c.id(), Duration.ZERO, EngineMessage.EVENT_STATE, action));
    }
    return c;
  }

  @Override
  public Container kill(String ref, String signal) {
    return p.containers().kill(ref, signal);
  }

  @Override
  public Container restart(String ref, int timeoutSeconds) {
    return changed(p.containers().restart(ref, timeoutSeconds), "restart");
  }

  @Override
  public Container pause(String ref) {
    return changed(p.containers().pause(ref), "pause");
  }

  @Override
  public Container unpause(String ref) {
    return changed(p.containers().unpause(ref), "unpause");
  }

  @Override
  public Container rename(String ref, String newName) {
    return changed(p.containers().rename(ref, newName), "rename");
  }

  @Override
  public Container remove(String ref, boolean force, boolean removeVolumes) {
    return p.containers().remove(ref, force, removeVolumes, Keeping.on(p.layout()));
  }

  @Override
  public Container restore(ContainerId id) {
    return p.containers().restore(id.value());
  }

  @Override
  public List<Container> list(boolean all) {
    return p.containerStore().list().stream().filter(c -> all || c.state().running()).toList();
  }

  @Override
  public Container inspect(String ref) {
    return p.containerStore().find(ref);
  }

  @Override
  public Map<String, Object> inspectDocument(String ref) {
    return system.inspect(ref, "container");
  }

  @Override
  public List<String> checkResources(RunRequest request) {
    return p.containers().checkRequest(request);
  }

  @Override
  public List<String> update(String ref, UpdateRequest update) {
    return p.containers().update(ref, update);
  }

  @Override
  public StatsSample stats(String ref) {
    return p.containers().stats(ref);
  }

  @Override
  public String top(String ref) {
    return p.containers().top(ref);
  }

  @Override
  public Attachment attach(String ref) {
    return p.containers().attach(ref);
  }

  @Override
  public List<String> execCommand(String ref, List<String> command, List<String> env, boolean tty) {
    return p.containers().execCommand(ref, command, env, tty);
  }

  @Override
  public List<Change> diff(String ref) {
    Container c = p.containerStore().find(ref);
    try {
      return containerLayers.upperDir(c).changes();
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CHANGES_READ_FAILED, e, ref, e.getMessage());
    }
  }

  @Override
  public void export(String ref, OutputStream out) {
    Container c = p.containerStore().find(ref);
    Path dir = p.layout().container(c.id());
    List<Path> lowers = containerLayers.lowersTopFirst(p.images().get(c.imageDigest()));
    boolean mountedHere = !c.state().running();
    StorageDriver.RootFs root = mountedHere ? p.driver().mount(dir, lowers)
        : new StorageDriver.RootFs(dir.resolve(!StorageDriverName.of(c.driver()).unionMount() ? "rootfs" : "merged"), null, null, lowers, "");
    try {
      TreeTar.write(root.merged(), out);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.EXPORT_FAILED, e, ref, e.getMessage());
    } finally {
      if (mountedHere) {
        p.driver().unmount(dir);
      }
    }
  }

  @Override
  public PathStat statPath(String ref, String path) {
    return archives.stat(ref, path);
  }

  @Override
  public PathStat archivePath(String ref, String path, OutputStream out) {
    return archives.archive(ref, path, out);
  }

  @Override
  public void extractToDir(String ref, String dir, InputStream in, boolean copyUidGid,
      boolean noOverwriteDirNonDir) {
    archives.extract(ref, dir, in, copyUidGid, noOverwriteDirNonDir);
  }

  @Override
  public long size(String ref) {
    Container c = p.containerStore().find(ref);
    Path dir = p.layout().container(c.id());
    try {
      return Trees.size(dir.resolve(!StorageDriverName.of(c.driver()).unionMount() ? "rootfs" : "upper"));
    } catch (IOException e) {
      return 0;
    }
  }

  private Path logFile(String ref) {
    Container c = p.containerStore().find(ref);
    if (c.lifecycle().logDriver().equals("none")) {
      throw EngineException.invalid("configured logging driver does not support reading");
    }
    return p.layout().containerFiles(c.id()).log();
  }

  @Override
  public Logs logs(String ref) {
    Path file = logFile(ref);
    try {
      long position = LogReader.size(file);
      return new Logs(LogReader.readAll(file), position);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LOG_READ_FAILED, e, ref, e.getMessage());
    }
  }

  @Override
  public void follow(String ref, long position, Consumer<LogLine> sink, BooleanSupplier cancelled) {
    Path file = logFile(ref);
    String id = p.containerStore().find(ref).id();
    try {
      LogReader.follow(file, position, sink, () -> {
        if (cancelled.getAsBoolean()) {
          return true;
        }
        try {
          return !p.containerStore().find(id).state().running();
        } catch (EngineException e) {
          return true;
        }
      });
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LOG_FOLLOW_FAILED, e, ref, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
