package dev.docklab.shell.command;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.FlagParser;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import dev.docklab.shell.command.ExplainView.Operand;
import dev.docklab.shell.explain.ArchView;
import dev.docklab.shell.explain.ClassView;
import dev.docklab.shell.explain.DriversView;
import dev.docklab.shell.explain.ExplainViews;
import dev.docklab.shell.explain.TraceView;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.render.Wrap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code explain VIEW ...}: what the engine really did, drawn from its own records; the views are one table. */
public final class ExplainCommand {
  private ExplainCommand() {}

  /** What a view draws from the command's arguments (its name first). */
  @FunctionalInterface
  private interface Body {
    List<String> lines(List<String> args, Session s);
  }

  private record Entry(ExplainView view, Body body) {}

  /** The views, in the order usage and help list them: the one table that dispatch reads. */
  private static final List<Entry> VIEWS = List.of(
      new Entry(new ExplainView("layers", List.of(Operand.IMAGE)),
          (args, s) -> ExplainViews.layers(s.engine().explain().layers(arg(args, s)), s.messages(), s.width())),
      new Entry(new ExplainView("mount", List.of(Operand.CONTAINER)),
          (args, s) -> ExplainViews.mount(s.engine().explain().mount(arg(args, s)),
              s.engine().containers().inspect(arg(args, s)).mounts(), s.messages(), s.width())),
      new Entry(new ExplainView("network", List.of(Operand.CONTAINER)),
          (args, s) -> ExplainViews.network(s.engine().explain().network(arg(args, s)), s.messages(), s.width())),
      new Entry(new ExplainView("file", List.of(Operand.CONTAINER, Operand.PATH)), ExplainCommand::file),
      new Entry(new ExplainView("cow", List.of(Operand.CONTAINER_OR_DEMO)), ExplainCommand::cow),
      new Entry(new ExplainView("last", List.of()), (args, s) -> trace(s)),
      new Entry(new ExplainView("boot", List.of(Operand.OPTIONAL_CONTAINER)),
          (args, s) -> ExplainViews.boot(s.engine().explain().boot(args.size() > 1 ? args.get(1) : null),
              s.messages(), s.width())),
      new Entry(new ExplainView("vm", List.of()), (args, s) -> vm(s)),
      new Entry(new ExplainView("arch", List.of()), (args, s) -> arch(s)),
      new Entry(new ExplainView("drivers", List.of(Operand.MEASURE)), ExplainCommand::drivers),
      new Entry(new ExplainView("name", List.of(Operand.REF)), ExplainCommand::name),
      new Entry(new ExplainView("class", List.of(Operand.IMAGE)), ExplainCommand::classView),
      new Entry(new ExplainView("docker", List.of(Operand.COMMAND)),
          (args, s) -> annotate(args.subList(1, args.size()), s)));

  /** Every view {@code explain} dispatches to, in order. */
  public static List<ExplainView> views() {
    return VIEWS.stream().map(Entry::view).toList();
  }

  /** The view called {@code name}, or null. */
  public static ExplainView view(String name) {
    return VIEWS.stream().map(Entry::view).filter(v -> v.name().equals(name)).findFirst().orElse(null);
  }

  /** {@code Usage: explain layers IMAGE | mount CONTAINER | ...}, from the table. */
  public static String usage(Messages m) {
    return m.get("explain.usage", VIEWS.stream().map(e -> e.view().usage(m)).collect(Collectors.joining(" | ")));
  }

  /** {@code help}'s line on explain: every view's usage, from the table, wrapped to {@code width}. */
  public static List<String> summary(Messages m, int width) {
    String views = VIEWS.stream().map(e -> e.view().usage(m)).collect(Collectors.joining(" | "));
    return Wrap.lines(m.get("help.explain", views), "", "  ", width);
  }

  /**
   * {@code help explain}: every view with what it takes and what it shows, from the table, wrapped to
   * {@code width} columns (a summary that does not fit goes under its view).
   */
  public static List<String> help(Messages m, int width) {
    List<String> out = new ArrayList<>(Wrap.lines(m.get("explain.help.intro"), "", width));
    int w = VIEWS.stream().mapToInt(e -> Text.width("  explain " + e.view().usage(m))).max().orElse(0) + 2;
    boolean beside = w + 24 <= width;
    for (Entry e : VIEWS) {
      String left = "  explain " + e.view().usage(m);
      if (beside) {
        out.addAll(Wrap.lines(e.view().summary(m), left + " ".repeat(w - Text.width(left)), " ".repeat(w), width));
      } else {
        out.addAll(Wrap.lines(left, "", "      ", width));
        out.addAll(Wrap.lines(e.view().summary(m), "      ", width));
      }
    }
    out.addAll(Wrap.lines(m.get("explain.help.more"), "", width));
    return out;
  }

  public static int run(List<String> args, Session s) {
    if (args.isEmpty()) {
      s.err().println(usage(s.messages()));
      return 2;
    }
    try {
      Entry entry = VIEWS.stream().filter(e -> e.view().name().equals(args.get(0))).findFirst().orElse(null);
      if (entry == null) {
        s.err().println("docklab: " + usage(s.messages()));
        return 2;
      }
      List<String> lines = entry.body().lines(args, s);
      boolean colour = s.interaction().isTerminal() && s.out() == System.out;
      for (int i = 0; i < lines.size(); i++) {
        s.out().println(colour ? paint(lines.get(i), i == 0) : lines.get(i));
      }
      return 0;
    } catch (UsageException e) {
      s.err().println("docklab: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      s.err().println("docklab: " + usage(s.messages()));
      return 2;
    } catch (EngineException e) {
      s.err().println("docklab: " + Said.of(e, s.messages()));
      return 1;
    }
  }

  private static List<String> name(List<String> args, Session s) {
    ImageReference ref = ImageReference.parse(arg(args, s));
    List<String[]> from = new ArrayList<>();
    for (var e : s.engine().registries().pullEndpoints(ref.withDefaultTag())) {
      from.add(new String[] {e.url(), e.mirror() ? "mirror" : "own"});
    }
    var push = s.engine().registries().pushTarget(ref.withDefaultTag());
    String[] pushTo = {push.url(), push.mirror() ? "hub" : "own"};
    return ExplainViews.name(arg(args, s), ref, from, pushTo, s.messages(), s.width());
  }

  private static List<String> file(List<String> args, Session s) {
    if (args.size() < 3) {
      throw new IllegalArgumentException("missing path");
    }
    return ExplainViews.file(s.engine().explain().file(args.get(1), args.get(2)), s.messages(), s.width());
  }

  /** {@code explain drivers [measure [IMAGE]]}: the storage drivers side by side, measured here when asked. */
  private static List<String> drivers(List<String> args, Session s) {
    boolean measure = args.size() > 1 && args.get(1).equals("measure");
    if (args.size() > 1 && !measure || args.size() > 3) {
      throw new IllegalArgumentException("explain drivers [measure [IMAGE]]");
    }
    String image = !measure ? null : args.size() > 2 ? args.get(2) : "busybox";
    if (image != null && image.equals("busybox")) {
      s.engine().images().resolveForRun("busybox", Progress.NONE); // docklab's own base image, made if missing
    }
    return DriversView.lines(s.engine().explain().drivers(image), s.messages(), s.width());
  }

  /** {@code explain last} (and {@code run --explain}): the last command's steps, its containers named. */
  static List<String> trace(Session s) {
    Map<String, String> names = new HashMap<>();
    var events = s.trace().lastEvents();
    try {
      if (!events.isEmpty()) { // with no steps, the engine need not even open
        s.engine().containers().list(true).forEach(c -> names.put(c.id(), c.name()));
      }
    } catch (EngineException e) {
      // no names then: the steps show short ids
    }
    return TraceView.lines(s.trace().lastLine(), events, names, s.messages(), s.width());
  }

  /**
   * {@code explain docker run -it --rm busybox sh}: the command line annotated flag by flag, before
   * (and without) running it.
   */
  private static List<String> annotate(List<String> argv, Session s) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("nothing to explain");
    }
    DockerCli cli = new DockerCli();
    Command c = cli.command(argv.get(0));
    if (c == null) {
      throw EngineException.invalid(s.msg("explain.docker.unknown", argv.get(0)));
    }
    List<String> rest = argv.subList(1, argv.size());
    Args parsed = FlagParser.parse("docker " + c.name(), c.options(),
        c.interspersed(), rest);
    List<String> out = new ArrayList<>();
    int width = s.width();
    out.addAll(Wrap.command(typed(argv, s), "", width));
    out.addAll(Wrap.lines(s.msg("cmd." + c.name() + ".summary"), "  docker " + c.name() + "  ", "    ", width));
    for (Option o : c.options()) {
      if (parsed.values(o.name()).isEmpty()) {
        continue;
      }
      String flag = (o.shorthand() != '\0' ? "-" + o.shorthand() + ", " : "") + "--" + o.name();
      String value = o.takesValue() ? " " + String.join(", ", parsed.values(o.name())) : "";
      String text = s.messages().has("explain.flag." + o.name()) ? s.msg("explain.flag." + o.name())
          : s.msg(o.helpKey());
      out.addAll(Wrap.lines(flag + value, "  ", "    ", width));
      out.addAll(Wrap.lines(text, "      ", width));
    }
    for (Operands.Given g : Operands.assign(c, parsed.positionals().stream().map(ExplainCommand::quoted).toList())) {
      out.addAll(Wrap.lines(g.words(), "  ", "    ", width));
      out.addAll(Wrap.lines(operand(c, g, s), "      ", width));
    }
    return out;
  }

  /** What one operand means for this command: {@code REPOSITORY[:TAG]: the new image's name...}. */
  private static String operand(Command c, Operands.Given g, Session s) {
    if (g.slot() == null) {
      return s.msg("explain.operand.extra");
    }
    String specific = "explain.operand." + c.name().replace(' ', '-') + "." + g.slot().key();
    String generic = "explain.operand." + g.slot().key();
    String key = s.messages().has(specific) ? specific : s.messages().has(generic) ? generic : "explain.operand.other";
    String normalised = g.words();
    try {
      normalised = ImageReference.parse(g.words()).withDefaultTag().toString();
    } catch (RuntimeException e) {
      // not an image reference: the word as typed
    }
    String text = s.msg(key).contains("{") ? s.msg(key, g.words(), normalised) : s.msg(key);
    return g.slot().label() + ": " + text;
  }

  /**
   * The command as typed after {@code explain }: the line itself when it holds just this command, else
   * its words, quoted where the shell would need quotes.
   */
  private static String typed(List<String> argv, Session s) {
    String line = s.trace().explainLine();
    if (line.startsWith("explain docker ") && !line.matches(".*[;&|`\\n].*")) {
      return line.substring("explain ".length()).strip();
    }
    StringBuilder b = new StringBuilder("docker");
    argv.forEach(w -> b.append(' ').append(quoted(w)));
    return b.toString();
  }

  /** A word as it would be typed: in single quotes when the shell would need them. */
  static String quoted(String w) {
    return w.isEmpty() || !w.matches("[A-Za-z0-9_@%+=:,./-]+") ? "'" + w.replace("'", "'\\''") + "'" : w;
  }

  /**
   * {@code explain cow CONTAINER}: what the container's read-write layer holds now, and from then on
   * after each command the copy-ups, new files, deletions and opaque dirs it causes;
   * {@code explain cow CONTAINER off} stops; {@code explain cow demo} measures a copy-up.
   */
  private static List<String> cow(List<String> args, Session s) {
    String name = arg(args, s);
    if (name.equals("demo")) {
      return CowDemo.run(s);
    }
    String id = s.engine().containers().inspect(name).id();
    if (args.size() > 2 && args.get(2).equals("off")) {
      s.cowWatch().remove(id);
      return Wrap.lines(s.msg("explain.cow.off", name), "", "  ", s.width());
    }
    var now = s.engine().explain().cow(id);
    s.cowWatch().put(id, now);
    List<String> out = new ArrayList<>();
    out.addAll(Wrap.lines(s.msg("explain.cow.title", name), "", "  ", s.width()));
    out.addAll(Wrap.lines(s.msg(now.isEmpty() ? "explain.cow.empty" : "explain.cow.so-far"), "", "  ", s.width()));
    now.values().forEach(e -> out.addAll(ExplainViews.cowLines(e, "  ", s.messages(), s.width())));
    out.addAll(Wrap.lines(s.msg("explain.cow.watching"), "", "  ", s.width()));
    return out;
  }

  /** After each command: what changed in the watched containers' read-write layers. */
  public static void tick(Session s) {
    for (var entry : new ArrayList<>(s.cowWatch().entrySet())) {
      Map<String, CowEvent> now;
      try {
        now = s.engine().explain().cow(entry.getKey());
      } catch (EngineException e) {
        s.cowWatch().remove(entry.getKey()); // the container is gone
        continue;
      }
      for (var e : now.values()) {
        var before = entry.getValue().get(e.path());
        if (before == null || !before.kind().equals(e.kind()) || before.bytes() != e.bytes()) {
          for (String line : ExplainViews.cowLines(e, "[cow " + s.engine().containers().inspect(entry.getKey()).name()
              + "] ", s.messages(), s.width())) {
            s.out().println(s.interaction().isTerminal() && s.out() == System.out ? paint(line, false) : line);
          }
        }
      }
      entry.setValue(now);
    }
  }

  /** {@code explain arch}: what runs now, with docklab's hub as daemon.json places it. */
  private static List<String> arch(Session s) {
    var info = s.engine().system().info();
    long running = s.engine().containers().list(false).size();
    var registries = s.engine().registries();
    var settings = registries.settings();
    String state = registries.hubStarted() ? "here" : answers(settings.hub()) ? "elsewhere" : "on-demand";
    List<String> out = new ArrayList<>(ExplainViews.arch(ProcessHandle.current().pid(), running, info.runtime(),
        info.kernel(), settings.hub(), state, settings.mirrors(), settings.hubIsDockerHub(), s.messages(), s.width()));
    out.add("");
    out.addAll(ArchView.api(s.state().apiSocket(), s.messages(), s.width()));
    return out;
  }

  /** Whether something accepts a TCP connection at {@code hostPort} ({@code 127.0.0.1:5000}). */
  private static boolean answers(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
          Integer.parseInt(hostPort.substring(colon + 1))), 300);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false; // nothing listens there (or the address is not one)
    }
  }

  /**
   * Measures now: a container's start, the memory of an idle one and its monitor (each its PSS once the
   * container runs its command, median of a few reads), its processes.
   */
  private static List<String> vm(Session s) {
    var engine = s.engine();
    var image = engine.images().resolveForRun("busybox", Progress.NONE);
    long t0 = System.nanoTime();
    engine.containers().run(new RunRequest(image.id().toString(), null, List.of("true"), List.of(),
        0, 0, true), (stream, bytes) -> { });
    long startMillis = (System.nanoTime() - t0) / 1_000_000;
    List<String> idle = List.of("sleep", "30");
    var c = engine.containers().create(new RunRequest(image.id().toString(), null,
        idle, List.of(), 0, 0, false), image);
    try {
      c = engine.containers().start(c.id(), false).container();
      if (!Pss.awaitCommand(c.state().pid(), idle)) {
        throw EngineException.system(s.msg("explain.vm.not-running", String.join(" ", idle)), null);
      }
      long pss = Pss.medianKb(c.state().pid());
      long monitor = Pss.medianKb(c.state().monitorPid());
      int processes = engine.containers().top(c.id()).strip().split("\n").length - 1;
      return ExplainViews.vm(startMillis, pss, monitor, String.join(" ", idle), Pss.READS, processes,
          engine.system().kernel(), s.messages(), s.width());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED, e);
    } finally {
      engine.containers().remove(c.id(), true, false);
    }
  }

  /** On a terminal: the title in bold, the layer that wins in green, deletions in red. Plain otherwise. */
  static String paint(String line, boolean title) {
    if (title) {
      return "\033[1m" + line + "\033[0m";
    }
    if (line.startsWith("▶")) {
      return "\033[32m" + line + "\033[0m";
    }
    if (line.contains("DELETE") || line.contains("WHITEOUT") || line.contains("whiteout")) {
      return "\033[31m" + line + "\033[0m";
    }
    if (line.contains("COPY-UP")) {
      return "\033[33m" + line + "\033[0m";
    }
    return line;
  }

  /** {@code explain class IMAGE}: the image as a class and its containers as objects, read now. */
  private static List<String> classView(List<String> args, Session s) {
    String ref = arg(args, s);
    Image image = s.engine().images().inspect(ref);
    List<ClassView.ObjectFacts> objects = new ArrayList<>();
    for (Container c : s.engine().containers().list(true)) {
      if (image.id().toString().equals(c.imageId())) {
        List<Change> changes;
        long bytes;
        try {
          changes = s.engine().containers().diff(c.id());
          bytes = s.engine().containers().size(c.id());
        } catch (EngineException e) {
          continue; // removed meanwhile
        }
        objects.add(new ClassView.ObjectFacts(c, changes, bytes));
      }
    }
    return ClassView.lines(ref, image, objects, s.messages(), s.width());
  }

  private static String arg(List<String> args, Session s) {
    if (args.size() < 2) {
      throw new IllegalArgumentException("missing argument");
    }
    return args.get(1);
  }
}
