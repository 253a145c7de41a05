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

  private static String arg(List<String> args, Session s) {
    if (args.size() < 2) {
      throw new IllegalArgumentException("missing argument");
    }
    return args.get(1);
  }
}
