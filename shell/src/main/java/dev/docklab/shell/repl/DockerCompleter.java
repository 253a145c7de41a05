package dev.docklab.shell.repl;

import dev.docklab.engine.Engine;
import dev.docklab.engine.container.Container;
import dev.docklab.engine.image.Image;
import dev.docklab.engine.reference.ImageReference;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.command.Command;
import dev.docklab.shell.command.DockerCli;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion: docker subcommands, their flags, and the names of containers and images that exist. */
public final class DockerCompleter implements Completer {
  private final DockerCli docker;
  private final Supplier<Engine> engine;

  public DockerCompleter(DockerCli docker, Supplier<Engine> engine) {
    this.docker = docker;
    this.engine = engine;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    List<String> words = line.words();
    int index = line.wordIndex();
    if (index == 0) {
      for (String w : List.of("docker", "help", "lang", "exit", "clear", "echo")) {
        out.add(new Candidate(w));
      }
      return;
    }
    if (!words.get(0).equals("docker")) {
      return;
    }
    if (index == 1) {
      docker.commands().forEach(c -> out.add(new Candidate(c.name(), c.name(), null, null, null, null, true)));
      return;
    }
    Command c = docker.command(words.get(1));
    if (c == null) {
      return;
    }
    if (line.word().startsWith("-")) {
      for (Option o : c.options()) {
        out.add(new Candidate("--" + o.name()));
      }
      return;
    }
    try {
      switch (c.name()) {
        case "rm" -> engine.get().containers(true).forEach(x -> names(x, out));
        case "run", "images", "pull" -> {
          for (Image i : engine.get().images()) {
            for (ImageReference r : i.repoTags()) {
              out.add(new Candidate(r.familiarString()));
            }
          }
        }
        default -> { }
      }
    } catch (RuntimeException e) {
      // completion must never break the line being typed
    }
  }

  private static void names(Container c, List<Candidate> out) {
    out.add(new Candidate(c.name()));
  }
}
