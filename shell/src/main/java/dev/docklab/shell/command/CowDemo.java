package dev.docklab.shell.command;

import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.shell.render.Human;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code explain cow demo}: measures copy-on-write. A 20 MB file is put in a read-only layer; the
 * first append to it in a container copies the whole file up into the read-write layer, the second
 * append copies nothing. Each write is timed alone, inside the container. Everything it makes is
 * removed again.
 */
final class CowDemo {
  private static final long SIZE = 20L * 1024 * 1024;
  /** What each write appends. */
  private static final String LINE = "x\n";

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
      long up0 = upperBytes(engine, c);
      long first = append(engine, c, s);
      long up1 = upperBytes(engine, c);
      long second = append(engine, c, s);
      long up2 = upperBytes(engine, c);
      out.add("  " + s.msg("explain.cow.demo.first", millis(first), Human.size(up1 - up0)));
      long grew = up2 - up1;
      out.add("  " + (grew == LINE.length() ? s.msg("explain.cow.demo.second", millis(second), Human.size(grew))
          : s.msg("explain.cow.demo.second-more", millis(second), Human.size(grew))));
      out.add(s.msg("explain.cow.demo.timed"));
      out.add(s.msg("explain.cow.demo.lesson"));
      return out;
    } finally {
      if (c != null) {
        engine.containers().remove(c.id(), true, false);
      }
      engine.images().remove(image.toString(), true, true);
    }
  }

  /**
   * Appends a line to /big.dat in the container; returns how long the write alone took, in
   * microseconds, timed by the container's own shell ({@code $EPOCHREALTIME}) just before and after it.
   */
  private static long append(Engine engine, Container c, Session s) {
    List<String> cmd = engine.containers().execCommand(c.id(), List.of("sh", "-c",
        "a=$EPOCHREALTIME; echo " + LINE.strip() + " >> /big.dat; b=$EPOCHREALTIME; echo $a $b"), List.of(), false);
    String out;
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
    } catch (IOException e) {
      throw EngineException.system(s.msg("explain.cow.demo.write-failed", e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED, e);
    }
    String[] t = out.split("\\s+");
    if (t.length != 2 || !t[0].matches("\\d+\\.\\d{6}") || !t[1].matches("\\d+\\.\\d{6}")) {
      throw EngineException.system(s.msg("explain.cow.demo.untimed", out), null);
    }
    return micros(t[1]) - micros(t[0]);
  }

  private static long micros(String epochRealtime) {
    return Long.parseLong(epochRealtime.replace(".", ""));
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
  }

  private static long upperBytes(Engine engine, Container c) {
    return engine.containers().size(c.id());
  }
}
