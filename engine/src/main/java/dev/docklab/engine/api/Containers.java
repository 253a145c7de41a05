package dev.docklab.engine.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code docker container ...}. A container is named by {@code ref}: its name, its id or a unique
 * prefix of its id, as Docker's API takes it.
 */
public interface Containers {
  /** {@code docker create}: records a container for {@code image}; nothing is mounted or started. */
  Container create(RunRequest request, Image image);

  /** {@code docker create IMAGE CMD...} with no other option. */
  default Container create(Image image, String... command) {
    return create(RunRequest.of(image.repoTags().isEmpty() ? image.id().toString()
        : image.repoTags().get(0).familiarString(), command), image);
  }

  /**
   * {@code docker run} in the foreground: resolves (or pulls) the image, creates the container, runs
   * it with its output going to {@code output} (stream 1 stdout, 2 stderr) and returns when it exits.
   */
  RunResult run(RunRequest request, BiConsumer<Integer, byte[]> output);

  /** Runs a created container in the foreground, attached, until it exits. */
  RunResult runAttached(Container created, BiConsumer<Integer, byte[]> output);

  /**
   * {@code docker start} (and {@code run -d}): starts it and returns at once; with {@code attach},
   * the result holds its stdio ({@code docker start -a}).
   */
  Started start(String ref, boolean attach);

  /** {@code docker start}, detached. */
  default Container start(Container container) {
    return start(container.id(), false).container();
  }

  /** {@code docker wait}: blocks until the container's current run ends; returns its exit code. */
  int wait(String ref);

  /**
   * A stop's timeout when none is given ({@code docker stop} without {@code -t}): the container's
   * {@code --stop-timeout}, else 10 seconds. A negative timeout otherwise waits as long as it takes.
   */
  int CONTAINER_TIMEOUT = Integer.MIN_VALUE;

  /** {@code docker stop -t SECONDS}: the container's stop signal (its {@code --stop-signal}, its image's, else SIGTERM), then SIGKILL. */
  Container stop(String ref, int timeoutSeconds);

  /** {@code docker stop -s SIGNAL -t SECONDS}; a null or empty signal is the container's. */
  Container stop(String ref, int timeoutSeconds, String signal);

  /** {@code docker kill -s SIGNAL}. */
  Container kill(String ref, String signal);

  /** {@code docker restart -t SECONDS}. */
  Container restart(String ref, int timeoutSeconds);

  /** {@code docker pause}: freezes every process (the freezer cgroup). */
  Container pause(String ref);

  /** {@code docker unpause}. */
  Container unpause(String ref);

  /** {@code docker rename}. */
  Container rename(String ref, String newName);

  /** {@code docker rm [-f] [-v]}. */
  Container remove(String ref, boolean force, boolean removeVolumes);

  /**
   * Brings back a container {@code docker rm} removed while removed things were kept (see
   * {@link SystemService#keepRemoved}): the same id, name, config, labels and read-write layer (the
   * files written in it), not running (exited, or created if it never ran). Fails with "No such removed
   * container" when it is not kept, and in Docker's words when a container took its name since.
   */
  Container restore(ContainerId id);

  /** Containers, newest first: all of them ({@code docker ps -a}) or only the running ones. */
  List<Container> list(boolean all);

  /** Every container, newest first. */
  default List<Container> list() {
    return list(true);
  }

  /** The container {@code ref} names; fails with "No such container" when none does. */
  Container inspect(String ref);

  /** {@code docker container inspect}, in the Engine API's JSON shape. */
  Map<String, Object> inspectDocument(String ref);

  /**
   * Docker's daemon-side checks of a run's CPU, memory and block-I/O settings on this host: a refusal (an
   * {@link EngineException} in Docker's words), or the warnings Docker gives for what it discards.
   */
  List<String> checkResources(RunRequest request);

  /**
   * {@code docker update}: new limits (CPU, memory, pids, block-I/O weight) and restart policy, applied at once
   * to a running container's cgroup and kept in its record; returns Docker's warnings.
   */
  List<String> update(String ref, UpdateRequest update);

  /** {@code docker stats}: one reading of a container's counters (all 0 when it is not running). */
  StatsSample stats(String ref);

  /** {@code docker top}: its processes, as the host's {@code ps -ef} shows them. */
  String top(String ref);

  /** {@code docker attach}: its stdio. */
  Attachment attach(String ref);

  /** The command line that runs {@code command} in the running container ({@code docker exec}). */
  List<String> execCommand(String ref, List<String> command, List<String> env, boolean tty);

  /** {@code docker diff}: what it changed, from its read-write layer. */
  List<Change> diff(String ref);

  /** {@code docker diff} of a container in hand. */
  default List<Change> diff(Container container) {
    return diff(container.id());
  }

  /** {@code docker export}: its whole filesystem as one tar, as the container sees it. */
  void export(String ref, OutputStream out);

  /** The bytes it has written into its read-write layer ({@code docker ps -s}). */
  long size(String ref);

  /** {@code docker logs}: every complete line it wrote so far, and where they end. */
  Logs logs(String ref);

  /**
   * {@code docker logs -f}: the lines written after {@code position} (from {@link #logs}), as they
   * come, until the container stops running or {@code cancelled} says so.
   */
  void follow(String ref, long position, Consumer<LogLine> sink, BooleanSupplier cancelled);

  /**
   * {@code docker cp}'s look at {@code path} in the container, running or not: its last component is
   * not followed, the ones before it are, inside the container only. Fails with Docker's "Could not find
   * the file PATH in container REF" when it is missing.
   */
  PathStat statPath(String ref, String path);

  /**
   * {@code docker cp CONTAINER:PATH ...}: writes {@code path} (a directory with everything under it) to
   * {@code out} as a tar whose names start with the path's base name ({@code .} for a path ending in
   * {@code /.}); returns what {@link #statPath} says of it. Volumes and bind mounts are read as the
   * container sees them; nothing outside the container is ever read.
   */
  PathStat archivePath(String ref, String path, OutputStream out);

  /**
   * {@code docker cp ... CONTAINER:DIR}: extracts the tar {@code in} into the directory {@code dir} of
   * the container (a volume's when it lies in one); files are owned by root unless {@code copyUidGid}
   * keeps the tar's owners ({@code -a}); with {@code noOverwriteDirNonDir} a directory is never replaced
   * by a file nor a file by a directory. Nothing outside the container is ever written.
   */
  void extractToDir(String ref, String dir, InputStream in, boolean copyUidGid,
      boolean noOverwriteDirNonDir);

  /** A container's log so far: its lines, and the position where following starts. */
  record Logs(List<LogLine> lines, long position) {}
}
