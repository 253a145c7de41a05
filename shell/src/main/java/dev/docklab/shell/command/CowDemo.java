package dev.docklab.shell.command;

import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.shell.render.Human;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explain cow demo}: measures copy-on-write. A 20 MB file is put in a read-only layer; the
 * first append to it in a container copies the whole file up into the read-write layer, the second
 * append does not. Everything it makes is removed again.
 */
final class CowDemo {
  private static final long SIZE = 20L * 1024 * 1024;

  private CowDemo() {}

  static List<String> run(Session s) {
    Engine engine = s.engine();
    List<String> out = new ArrayList<>();
    var busybox = engine.images().resolveForRun("busybox", Progress.NONE);
    Container maker = engine.containers().create(new RunRequest(busybox.id().toString(), null,
        List.of("sh", "-c", "head -c " + SIZE + " /dev/zero > /big.dat"), List.of(), 0, 0, false), busybox);
    engine.containers().runAttached(maker, (stream, bytes) -> { });
    Digest image = engine.images().commit(new CommitRequest(maker.id(), null, null, "explain cow demo", List.of(), false));
    engine.containers().remove(maker.id(), true, false);
    Container c = null;
    try {
      var img = engine.images().find(image.toString());
      c = engine.containers().create(new RunRequest(image.toString(), null, List.of("sleep", "60"), List.of(), 0, 0, false), img);
      c = engine.containers().start(c.id(), false).container();
      out.add(s.msg("explain.cow.demo.title", Human.size(SIZE)));
      long first = append(engine, c);
      long up1 = upperBytes(engine, c);
      long second = append(engine, c);
      long up2 = upperBytes(engine, c);
      out.add("  " + s.msg("explain.cow.demo.first", String.valueOf(first), Human.size(up1)));
      out.add("  " + s.msg("explain.cow.demo.second", String.valueOf(second), Human.size(up2 - up1)));
      out.add(s.msg("explain.cow.demo.lesson"));
      return out;
    } finally {
      if (c != null) {
        engine.containers().remove(c.id(), true, false);
      }
      engine.images().remove(image.toString(), true, true);
    }
  }

  /** Appends a byte to /big.dat in the container; returns how long that took, in milliseconds. */
  private static long append(Engine engine, Container c) {
    List<String> cmd = engine.containers().execCommand(c.id(), List.of("sh", "-c", "echo x >> /big.dat"), List.of(), false);
    long t0 = System.nanoTime();
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor();
    } catch (IOException e) {
      throw EngineException.system("could not write in the demo container: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long upperBytes(Engine engine, Container c) {
    return engine.containers().size(c.id());
  }
}
