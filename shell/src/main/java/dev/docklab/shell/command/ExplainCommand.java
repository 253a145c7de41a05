package dev.docklab.shell.command;

import dev.docklab.engine.EngineException;
import dev.docklab.engine.reference.ImageReference;
import dev.docklab.shell.explain.ExplainViews;
import java.util.List;

/** {@code explain layers|mount|last|name}: what the engine really did, drawn from its own records. */
final class ExplainCommand {
  private ExplainCommand() {}

  static int run(List<String> args, Session s) {
    if (args.isEmpty()) {
      s.err().println(s.msg("explain.usage"));
      return 2;
    }
    try {
      List<String> lines = switch (args.get(0)) {
        case "layers" -> ExplainViews.layers(s.engine().layerReport(arg(args, s)), s.messages());
        case "mount" -> ExplainViews.mount(s.engine().mountReport(arg(args, s)), s.messages());
        case "last" -> ExplainViews.trace(s.trace().lastLine(), s.trace().lastEvents(), s.messages());
        case "name" -> ExplainViews.name(arg(args, s), ImageReference.parse(arg(args, s)), s.messages());
        case "file" -> {
          if (args.size() < 3) {
            throw new IllegalArgumentException("missing path");
          }
          yield ExplainViews.file(s.engine().fileReport(args.get(1), args.get(2)), s.messages());
        }
        case "boot" -> ExplainViews.boot(s.engine().bootFacts(args.size() > 1 ? args.get(1) : null), s.messages());
        case "vm" -> vm(s);
        default -> null;
      };
      if (lines == null) {
        s.err().println("docklab: " + s.msg("explain.usage"));
        return 2;
      }
      lines.forEach(s.out()::println);
      return 0;
    } catch (IllegalArgumentException e) {
      s.err().println("docklab: " + s.msg("explain.usage"));
      return 2;
    } catch (EngineException e) {
      s.err().println("docklab: " + e.getMessage());
      return 1;
    }
  }

  /** Measures now: a container's start, the memory of an idle one and its monitor, its processes. */
  private static List<String> vm(Session s) {
    var engine = s.engine();
    var image = engine.resolveForRun("busybox");
    long t0 = System.nanoTime();
    engine.run(new dev.docklab.engine.container.RunRequest(image.id().toString(), null, List.of("true"), List.of(),
        0, 0, true), (stream, bytes) -> { });
    long startMillis = (System.nanoTime() - t0) / 1_000_000;
    var c = engine.create(new dev.docklab.engine.container.RunRequest(image.id().toString(), null,
        List.of("sleep", "30"), List.of(), 0, 0, false), image);
    try {
      c = engine.startDetached(c.id(), false).container();
      long rss = rssKb(c.state().pid());
      long monitor = rssKb(c.state().monitorPid());
      int processes = engine.top(c.id()).strip().split("\n").length - 1;
      return ExplainViews.vm(startMillis, rss, monitor, processes, engine.host().kernel(), s.messages());
    } finally {
      engine.remove(c.id(), true);
    }
  }

  private static long rssKb(long pid) {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException e) {
      // the process is gone
    }
    return 0;
  }

  private static String arg(List<String> args, Session s) {
    if (args.size() < 2) {
      throw new IllegalArgumentException("missing argument");
    }
    return args.get(1);
  }
}
