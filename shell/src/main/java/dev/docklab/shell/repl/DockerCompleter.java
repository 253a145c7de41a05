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
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.ExplainView;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: docklab's own words and docker subcommands (with or without {@code docker}), their
 * flags, the names and ids of containers that exist (running ones after {@code exec}), image names and
 * tags, signal names after {@code kill -s}; after {@code explain}, its views and what each takes.
 */
public final class DockerCompleter implements Completer {
  private static final Set<String> TAKE_CONTAINERS = Set.of("rm", "start", "stop", "restart", "kill", "pause",
      "unpause", "wait", "rename", "attach", "exec", "logs", "top", "inspect", "commit", "diff");
  private static final Set<String> TAKE_IMAGES = Set.of("run", "create", "images", "pull", "inspect", "tag", "rmi",
      "history");
  /** Commands that act on a running container only: completion offers no exited one. */
  private static final Set<String> RUNNING_ONLY = Set.of("exec");
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
    if (index == 0) {
      for (Builtin b : builtins.all()) {
        b.words().forEach(w -> out.add(new Candidate(w)));
      }
      docker.commands().forEach(c -> out.add(new Candidate(c.name())));
      return;
    }
    if (words.get(0).equals("explain")) {
      explain(words, index, line.word(), out);
      return;
    }
    docker(words, !words.isEmpty() && words.get(0).equals("docker") ? 1 : 0, index, line.word(), out);
  }

  /** After {@code explain}: the views from its table, then what the view takes. */
  private void explain(List<String> words, int index, String word, List<Candidate> out) {
    if (index == 1) {
      for (ExplainView v : ExplainCommand.views()) {
        out.add(new Candidate(v.name(), v.name(), null, null, null, null, true));
      }
      return;
    }
    ExplainView view = ExplainCommand.view(words.get(1));
    if (view == null) {
      return;
    }
    if (view.operand(0) == ExplainView.Operand.COMMAND) {
      docker(words, 2, index, word, out);
      return;
    }
    ExplainView.Operand o = view.operand(index - 2);
    if (o == null) {
      return;
    }
    try {
      if (o.containers()) {
        containers(out, true);
        if (o == ExplainView.Operand.CONTAINER_OR_DEMO) {
          out.add(new Candidate("demo"));
        }
      } else if (o == ExplainView.Operand.IMAGE || o == ExplainView.Operand.REF) {
        images(out);
      }
    } catch (RuntimeException e) {
      // completion must never break the line being typed
    }
  }

  /** A docker subcommand at {@code words[offset]}: its name, flags, containers, images, signals. */
  private void docker(List<String> words, int offset, int index, String word, List<Candidate> out) {
    if (index == offset) {
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
    if (word.startsWith("-")) {
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
        containers(out, !RUNNING_ONLY.contains(c.name()));
      }
      if (TAKE_IMAGES.contains(c.name())) {
        images(out);
      }
    } catch (RuntimeException e) {
      // completion must never break the line being typed
    }
  }

  /** Every container's name and short id ({@code all}), or the running ones'. */
  private void containers(List<Candidate> out, boolean all) {
    for (Container x : engine.get().containers().list(all)) {
      out.add(new Candidate(x.name(), x.name(), null, x.shortId() + " " + x.state().status(), null, null, true));
      out.add(new Candidate(x.shortId(), x.shortId(), null, x.name(), null, null, true));
    }
  }

  private void images(List<Candidate> out) {
    for (Image i : engine.get().images().list()) {
      for (ImageReference r : i.repoTags()) {
        out.add(new Candidate(r.familiarString()));
        out.add(new Candidate(r.familiarName()));
      }
    }
  }
}
