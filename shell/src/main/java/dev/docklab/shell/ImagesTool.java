package dev.docklab.shell;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.ImageAddRequest;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code docklab images add debian|tomcat [--mirror URL] [--suite SUITE]}: builds one of the tutorial's
 * images from a Debian mirror and puts it on docklab's hub, for classes that will have no network.
 */
final class ImagesTool {
  private ImagesTool() {}

  static int run(List<String> args, EngineOptions options, PrintStream out, PrintStream err, Messages m) {
    if (args.size() < 2 || !args.get(0).equals("add")) {
      err.println(m.get("images.usage"));
      return 2;
    }
    String mirror = null;
    String suite = null;
    for (int i = 2; i < args.size(); i++) {
      String a = args.get(i);
      boolean hasValue = i + 1 < args.size();
      if (a.equals("--mirror") && hasValue) {
        mirror = args.get(++i);
      } else if (a.equals("--suite") && hasValue) {
        suite = args.get(++i);
      } else {
        err.println(m.get("images.usage"));
        return 2;
      }
    }
    ImageAddRequest request;
    try {
      request = new ImageAddRequest(args.get(1), mirror, suite);
    } catch (EngineException e) {
      err.println(m.get("main.error", Said.of(e, m)));
      err.println(m.get("images.usage"));
      return 2;
    }
    long t0 = System.nanoTime();
    out.println(m.get("images.adding", request.name()));
    try (Main.LazyEngine engine = new Main.LazyEngine(options.withExitCommand(ContainerExited.command()), err, m,
        EngineListener.NONE)) {
      List<String> tags = engine.get().system().addImage(request, out::println, (stream, bytes) -> {
        PrintStream target = stream == 2 ? err : out;
        target.write(bytes, 0, bytes.length);
        target.flush();
      });
      out.println(m.get("images.added", String.join(m.get("list.sep"), tags), took(System.nanoTime() - t0, m)));
      return 0;
    } catch (EngineException e) {
      err.println(m.get("main.error", Said.of(e, m)));
      return 1;
    }
  }

  /** {@code 2m 18s} or {@code 41s}. */
  static String took(long nanos, Messages m) {
    Duration d = Duration.ofNanos(nanos);
    return d.toMinutes() > 0 ? m.get("images.took.minutes", d.toMinutes(), d.toSecondsPart())
        : m.get("images.took.seconds", d.toSeconds());
  }
}
