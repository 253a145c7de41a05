package dev.docklab.shell.repl;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Signals;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.shell.builtin.Builtin;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.command.Command;
import dev.docklab.shell.command.DockerCli;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: docklab's own words and docker subcommands (with or without {@code docker}), their
 * flags, the names and ids of containers that exist, image names and tags, and signal names after
 * {@code kill -s}.
 */
public final class DockerCompleter implements Completer {
  private static final Set<String> TAKE_CONTAINERS = Set.of("rm", "start", "stop", "restart", "kill", "pause",
      "unpause", "wait", "rename", "attach", "exec", "logs", "top", "inspect", "commit", "diff");
  private static final Set<String> TAKE_IMAGES = Set.of("run", "create", "images", "pull", "inspect", "tag", "rmi",
      "history");
  private final Builtins builtins;
  private final DockerCli docker;
  private final Supplier<Engine> engine;

  public DockerCompleter(Builtins builtins, Supplier<Engine> engine) {
    this.builtins = builtins;
    this.docker = builtins.docker();
    this.engine = engine;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    List<String> words = line.words();
    int index = line.wordIndex();
    int offset = !words.isEmpty() && words.get(0).equals("docker") ? 1 : 0;
    if (index == 0) {
      for (Builtin b : builtins.all()) {
        b.words().forEach(w -> out.add(new Candidate(w)));
      }
      docker.commands().forEach(c -> out.add(new Candidate(c.name())));
      return;
    }
    if (offset == 1 && index == 1) {
      docker.commands().forEach(c -> out.add(new Candidate(c.name(), c.name(), null, null, null, null, true)));
      return;
    }
    Command c = docker.command(words.get(offset));
    if (c == null) {
      return;
    }
    String previous = index > 0 ? words.get(index - 1) : "";
    if (c.name().equals("kill") && (previous.equals("-s") || previous.equals("--signal"))) {
      Signals.NAMES.stream().filter(n -> !n.isEmpty()).forEach(n -> out.add(new Candidate(n)));
      return;
    }
    if (line.word().startsWith("-")) {
      for (Option o : c.options()) {
        out.add(new Candidate("--" + o.name()));
        if (o.shorthand() != '\0') {
          out.add(new Candidate("-" + o.shorthand()));
        }
      }
      return;
    }
    try {
      if (TAKE_CONTAINERS.contains(c.name())) {
        for (Container x : engine.get().containers().list(true)) {
          out.add(new Candidate(x.name(), x.name(), null, x.shortId() + " " + x.state().status(), null, null, true));
          out.add(new Candidate(x.shortId(), x.shortId(), null, x.name(), null, null, true));
        }
      }
      if (TAKE_IMAGES.contains(c.name())) {
        for (Image i : engine.get().images().list()) {
          for (ImageReference r : i.repoTags()) {
            out.add(new Candidate(r.familiarString()));
            out.add(new Candidate(r.familiarName()));
          }
        }
      }
    } catch (RuntimeException e) {
      // completion must never break the line being typed
    }
  }
}
