package dev.docklab.shell.command;

import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.Human;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code container prune}, {@code image prune}, {@code network prune}, {@code volume prune}, {@code builder
 * prune} and {@code system prune}: Docker's warnings, its confirmation, the pruners' lines and the total.
 */
final class PruneCommands {
  private static final String ASK = "Are you sure you want to continue? [y/N] ";

  private PruneCommands() {}

  static List<Command> all() {
    return List.of(container(), image(), network(), volume(), builder(), system());
  }

  private static Option force() {
    return Option.bool("force", 'f', "opt.prune.force");
  }

  private static Option filter() {
    return Option.value("filter", '\0', "filter", "opt.prune.filter");
  }

  private static Pruners.Filter filters(Args args) {
    return Pruners.Filter.parse(args.values("filter"), Instant.now());
  }

  private static boolean confirmed(Args args, Session s, String warning) {
    return args.has("force") || s.interaction().confirm(warning + ASK);
  }

  private static int report(Session s, long reclaimed, List<Pruners.Pruned> done, boolean total) {
    for (Pruners.Pruned p : done) {
      p.lines().forEach(s.out()::println);
    }
    if (total) {
      s.out().println("Total reclaimed space: " + Human.size(reclaimed));
    }
    return 0;
  }

  static Command container() {
    return new SimpleCommand("container prune", "container prune [OPTIONS]", List.of(force(), filter()), true,
        (args, s) -> {
          args.requireAtMost(0);
          Pruners.Filter f = filters(args);
          if (!confirmed(args, s, "WARNING! This will remove all stopped containers.\n")) {
            return 0;
          }
          Pruners.Pruned p = Pruners.containers(s, f);
          return report(s, p.reclaimed(), List.of(p), true);
        });
  }

  static Command image() {
    List<Option> opts = List.of(Option.bool("all", 'a', "opt.prune.all"), force(), filter());
    return new SimpleCommand("image prune", "image prune [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      Pruners.Filter f = filters(args);
      String warning = args.has("all") ? "WARNING! This will remove all images without at least one container "
          + "associated to them.\n" : "WARNING! This will remove all dangling images.\n";
      if (!confirmed(args, s, warning)) {
        return 0;
      }
      Pruners.Pruned p = Pruners.images(s, args.has("all"), f);
      return report(s, p.reclaimed(), List.of(p), true);
    });
  }

  static Command network() {
    return new SimpleCommand("network prune", "network prune [OPTIONS]", List.of(force(), filter()), true,
        (args, s) -> {
          args.requireAtMost(0);
          if (!confirmed(args, s, "WARNING! This will remove all custom networks not used by at least one "
              + "container.\n")) {
            return 0;
          }
          return report(s, 0, List.of(Pruners.networks(s)), false);
        });
  }

  static Command volume() {
    List<Option> opts = List.of(Option.bool("all", 'a', "opt.prune.volume-all"), force(), filter());
    return new SimpleCommand("volume prune", "volume prune [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      String warning = args.has("all") ? "WARNING! This will remove all local volumes not used by at least one "
          + "container.\n" : "WARNING! This will remove anonymous local volumes not used by at least one "
          + "container.\n";
      if (!confirmed(args, s, warning)) {
        return 0;
      }
      Pruners.Pruned p = Pruners.volumes(s, args.has("all"));
      return report(s, p.reclaimed(), List.of(p), true);
    });
  }

  static Command builder() {
    List<Option> opts = List.of(Option.bool("all", 'a', "opt.prune.builder-all"), force(), filter(),
        Option.value("keep-storage", '\0', "bytes", "opt.prune.keep-storage"));
    return new SimpleCommand("builder prune", "builder prune", opts, true, (args, s) -> {
      args.requireAtMost(0);
      String warning = args.has("all") ? "WARNING! This will remove all build cache. "
          : "WARNING! This will remove all dangling build cache. ";
      if (!confirmed(args, s, warning)) {
        return 0;
      }
      Pruners.Pruned p = Pruners.buildCache(s, args.has("all"));
      return report(s, p.reclaimed(), List.of(p), true);
    });
  }

  static Command system() {
    List<Option> opts = List.of(Option.bool("all", 'a', "opt.prune.system-all"), force(), filter(),
        Option.bool("volumes", '\0', "opt.prune.volumes"));
    return new SimpleCommand("system prune", "system prune [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      boolean all = args.has("all");
      Pruners.Filter f = filters(args);
      if (args.has("volumes") && f.until() != null) {
        s.err().println("ERROR: The \"until\" filter is not supported with \"--volumes\"");
        return 1;
      }
      List<String> warnings = new ArrayList<>(List.of("all stopped containers",
          "all networks not used by at least one container"));
      if (args.has("volumes")) {
        warnings.add("all anonymous volumes not used by at least one container");
      }
      warnings.add(all ? "all images without at least one container associated to them" : "all dangling images");
      warnings.add(all ? "all build cache" : "unused build cache");
      StringBuilder text = new StringBuilder("WARNING! This will remove:");
      warnings.forEach(w -> text.append("\n  - ").append(w));
      List<String> given = args.values("filter");
      if (!given.isEmpty()) {
        text.append("\n\n  Items to be pruned will be filtered with:");
        given.stream().sorted().forEach(g -> text.append("\n  - ").append(g));
      }
      text.append("\n\n");
      if (!confirmed(args, s, text.toString())) {
        return 0;
      }
      List<Pruners.Pruned> done = new ArrayList<>();
      done.add(Pruners.containers(s, f));
      done.add(Pruners.networks(s));
      if (args.has("volumes")) {
        done.add(Pruners.volumes(s, false));
      }
      done.add(Pruners.images(s, all, f));
      done.add(Pruners.buildCache(s, all));
      return report(s, done.stream().mapToLong(Pruners.Pruned::reclaimed).sum(), done, true);
    });
  }
}
