package dev.docklab.shell.command;

import dev.docklab.engine.api.BuildFailure;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.GoTemplate;
import dev.docklab.shell.render.HistoryRows;
import dev.docklab.shell.render.Human;
import dev.docklab.shell.render.ImageRows;
import dev.docklab.shell.render.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code images}, {@code pull}, {@code import}: images. */
public final class ImageCommands {
  private ImageCommands() {}

  public static List<Command> all() {
    return List.of(images(), importCommand(), commit(), tag(), rmi(), history(), diff(),
        save(), load(), export(), build());
  }

  static Command build() {
    List<Option> opts = List.of(Option.value("file", 'f', "string", "opt.build.file"),
        Option.value("tag", 't', "list", "opt.build.tag"), Option.bool("no-cache", '\0', "opt.build.no-cache"),
        Option.value("build-arg", '\0', "list", "opt.build.build-arg"), Option.bool("quiet", 'q', "opt.build.quiet"),
        Option.bool("rm", '\0', "opt.build.rm"));
    return new SimpleCommand("build", "build [OPTIONS] PATH", opts, true, (args, s) -> {
      args.requireExactly(1);
      Path context = s.workspace().resolve(args.positionals().get(0)).normalize();
      if (!Files.isDirectory(context)) {
        s.err().println("unable to prepare context: path \"" + args.positionals().get(0) + "\" not found");
        return 1;
      }
      String fileArg = args.value("file", null);
      Path dockerfile = fileArg == null ? context.resolve("Dockerfile") : s.workspace().resolve(fileArg);
      String text;
      try {
        text = Files.readString(dockerfile);
      } catch (IOException e) {
        s.err().println("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
            + dockerfile + ": no such file or directory");
        return 1;
      }
      Map<String, String> buildArgs = new LinkedHashMap<>();
      for (String kv : args.values("build-arg")) {
        int eq = kv.indexOf('=');
        buildArgs.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? System.getenv().getOrDefault(kv, "") : kv.substring(eq + 1));
      }
      try {
        for (String t : args.values("tag")) {
          ImageReference.parse(t);
        }
      } catch (EngineException e) {
        s.err().println("invalid argument \"" + String.join(",", args.values("tag")) + "\" for \"-t, --tag\" flag: "
            + e.getMessage());
        return 1;
      }
      boolean quiet = args.has("quiet");
      try {
        Digest id = s.engine().images().build(new BuildRequest(context,
            dockerfile.getFileName().toString(), text, args.values("tag"), buildArgs, args.has("no-cache")),
            line -> {
              if (!quiet) {
                s.out().println(line);
              }
            },
            (stream, bytes) -> {
              if (!quiet) {
                var target = stream == 2 ? s.err() : s.out();
                target.write(bytes, 0, bytes.length);
                target.flush();
              }
            });
        if (quiet) {
          s.out().println(id);
        }
        return 0;
      } catch (BuildFailure e) {
        s.err().println(e.getMessage());
        return 1;
      } catch (EngineException e) {
        s.err().println(e.kind() == EngineException.Kind.INVALID ? Said.of(e, s.messages()) : Errors.daemon(e, s));
        return 1;
      }
    });
  }

  /** Writes binary output to {@code -o FILE} (atomically), or to stdout when that is not a terminal. */
  private interface Writer {
    void write(OutputStream out);
  }

  private static int toFileOrStdout(Session s, String file, Writer w) {
    try {
      if (file == null) {
        if (s.interaction().isTerminal() && s.out() == System.out) {
          s.err().println("cowardly refusing to save to a terminal. Use the -o flag or redirect");
          return 1;
        }
        w.write(s.out());
        s.out().flush();
        return 0;
      }
      Path target = s.workspace().resolve(file);
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".docklab-", ".tmp");
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      try {
        try (var out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
          w.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return 0;
    } catch (EngineException e) {
      s.err().println(Errors.daemon(e, s));
      return 1;
    } catch (IOException e) {
      s.err().println("open " + file + ": " + e.getMessage());
      return 1;
    }
  }

  static Command save() {
    List<Option> opts = List.of(Option.value("output", 'o', "string", "opt.save.output"));
    return new SimpleCommand("save", "save [OPTIONS] IMAGE [IMAGE...]", opts, true, (args, s) -> {
      args.requireAtLeast(1);
      return toFileOrStdout(s, args.value("output", null), out -> s.engine().images().save(args.positionals(), out));
    });
  }

  static Command export() {
    List<Option> opts = List.of(Option.value("output", 'o', "string", "opt.export.output"));
    return new SimpleCommand("export", "export [OPTIONS] CONTAINER", opts, true, (args, s) -> {
      args.requireExactly(1);
      return toFileOrStdout(s, args.value("output", null), out -> s.engine().containers().export(args.positionals().get(0), out));
    });
  }

  static Command load() {
    List<Option> opts = List.of(Option.value("input", 'i', "string", "opt.load.input"),
        Option.bool("quiet", 'q', "opt.load.quiet"));
    return new SimpleCommand("load", "load [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      String file = args.value("input", null);
      try (InputStream in = file == null ? s.in() : Files.newInputStream(s.workspace().resolve(file))) {
        for (var loaded : s.engine().images().load(in)) {
          if (loaded.names().isEmpty()) {
            s.out().println("Loaded image ID: " + loaded.id());
          }
          loaded.names().forEach(n -> s.out().println("Loaded image: " + n.familiarString()));
        }
        return 0;
      } catch (NoSuchFileException e) {
        s.err().println("open " + file + ": no such file or directory");
        return 1;
      } catch (IOException e) {
        s.err().println("open " + file + ": " + e.getMessage());
        return 1;
      } catch (EngineException e) {
        s.err().println(Errors.daemon(e, s));
        return 1;
      }
    });
  }

  static Command commit() {
    List<Option> opts = List.of(Option.value("author", 'a', "string", "opt.commit.author"),
        Option.value("message", 'm', "string", "opt.commit.message"),
        Option.value("change", 'c', "list", "opt.commit.change"),
        Option.bool("pause", 'p', "opt.commit.pause"));
    return new SimpleCommand("commit", "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]", opts, true, (args, s) -> {
      args.requireAtLeast(1).requireAtMost(2);
      List<String> pos = args.positionals();
      String ref = pos.size() > 1 ? pos.get(1) : null;
      if (ref != null) {
        ImageReference.parse(ref);
      }
      Digest id = s.engine().images().commit(new CommitRequest(pos.get(0), ref, args.value("author", null),
          args.value("message", null), args.values("change"), !"false".equals(args.value("pause", "true"))));
      s.out().println(id);
      return 0;
    });
  }

  static Command tag() {
    return new SimpleCommand("tag", "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", List.of(), true, (args, s) -> {
      args.requireExactly(2);
      s.engine().images().tag(args.positionals().get(0), args.positionals().get(1));
      return 0;
    });
  }

  static Command rmi() {
    List<Option> opts = List.of(Option.bool("force", 'f', "opt.rmi.force"), Option.bool("no-prune", '\0', "opt.rmi.no-prune"));
    return new SimpleCommand("rmi", "rmi [OPTIONS] IMAGE [IMAGE...]", opts, true, (args, s) -> {
      args.requireAtLeast(1);
      int status = 0;
      for (String name : args.positionals()) {
        try {
          var removal = s.engine().images().remove(name, args.has("force"), !args.has("no-prune"));
          removal.untagged().forEach(u -> s.out().println("Untagged: " + u));
          removal.deleted().forEach(d -> s.out().println("Deleted: " + d));
        } catch (EngineException e) {
          s.err().println(Errors.daemon(e, s));
          status = 1;
        }
      }
      return status;
    });
  }

  static Command history() {
    List<Option> opts = List.of(Option.bool("no-trunc", '\0', "opt.history.no-trunc"),
        Option.bool("quiet", 'q', "opt.history.quiet"), Option.bool("human", 'H', "opt.history.human"));
    return new SimpleCommand("history", "history [OPTIONS] IMAGE", opts, true, (args, s) -> {
      args.requireExactly(1);
      Image img = s.engine().images().find(args.positionals().get(0));
      if (img == null) {
        throw EngineException.notFound("No such image: " + args.positionals().get(0));
      }
      List<String> lines = HistoryRows.render(img, s.engine(), args.has("no-trunc"),
          Instant.now());
      if (args.has("quiet")) {
        lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(' '))).forEach(s.out()::println);
      } else {
        lines.forEach(s.out()::println);
      }
      return 0;
    });
  }

  static Command diff() {
    return new SimpleCommand("diff", "diff CONTAINER", List.of(), true, (args, s) -> {
      args.requireExactly(1);
      s.engine().containers().diff(args.positionals().get(0)).forEach(c -> s.out().println(c.kind() + " " + c.path()));
      return 0;
    });
  }

  static Command images() {
    List<Option> opts = List.of(
        Option.bool("all", 'a', "opt.images.all"),
        Option.bool("quiet", 'q', "opt.images.quiet"),
        Option.bool("no-trunc", '\0', "opt.images.no-trunc"),
        Option.bool("digests", '\0', "opt.images.digests"),
        Option.value("filter", 'f', "filter", "opt.images.filter"),
        Option.value("format", '\0', "string", "opt.images.format"));
    return new SimpleCommand("images", "images [OPTIONS] [REPOSITORY[:TAG]]", opts, true, (args, s) -> {
      args.requireAtMost(1);
      List<Image> list;
      List<Image> all = args.has("all") ? s.engine().images().list() : ImageFilter.withoutIntermediate(s.engine().images().list());
      list = ImageFilter.apply(all, args.positionals().isEmpty() ? null : args.positionals().get(0),
          args.values("filter"));
      boolean noTrunc = args.has("no-trunc");
      if (args.has("quiet")) {
        list.stream().map(i -> noTrunc ? i.id().toString() : i.id().shortHex()).distinct().forEach(s.out()::println);
        return 0;
      }
      String format = args.value("format", null);
      if (format == null && !args.has("digests")) {
        ImageRows.render(list, noTrunc, Instant.now()).forEach(s.out()::println);
        return 0;
      }
      if (format == null) {
        format = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
      }
      try {
        boolean table = format.startsWith("table");
        GoTemplate t = GoTemplate.parse(table ? format.substring(5).strip() : format);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> f : ImageRows.fields(list, noTrunc, Instant.now())) {
          rows.add(List.of(t.execute(f).split("\t", -1)));
        }
        if (!table) {
          rows.forEach(r -> s.out().println(String.join("\t", r)));
          return 0;
        }
        List<String> header = t.fields().stream().map(f -> ImageRows.FIELD_HEADERS.getOrDefault(f, f.toUpperCase()))
            .toList();
        List<List<String>> padded = rows.stream().map(r -> {
          List<String> x = new ArrayList<>(r);
          while (x.size() < header.size()) {
            x.add("");
          }
          return x.subList(0, header.size());
        }).toList();
        Table.render(header, padded).forEach(s.out()::println);
        return 0;
      } catch (GoTemplate.TemplateException e) {
        s.err().println(e.getMessage());
        return 1;
      }
    });
  }

  static Command importCommand() {
    List<Option> opts = List.of(Option.value("message", 'm', "string", "opt.import.message"));
    return new SimpleCommand("import", "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]", opts, true, (args, s) -> {
      args.requireAtLeast(1).requireAtMost(2);
      String source = args.positionals().get(0);
      String ref = args.positionals().size() > 1 ? args.positionals().get(1) : null;
      try {
        if (ref != null) {
          ImageReference.parse(ref);
        }
        Digest id;
        if (source.equals("-")) {
          id = s.engine().images().importImage(s.in(), ref, "-");
        } else {
          try (InputStream in = Files.newInputStream(s.workspace().resolve(source))) {
            id = s.engine().images().importImage(in, ref, "-");
          }
        }
        s.out().println(id);
        return 0;
      } catch (NoSuchFileException e) {
        s.err().println("open " + source + ": no such file or directory");
        return 1;
      } catch (IOException e) {
        s.err().println("open " + source + ": " + e.getMessage());
        return 1;
      } catch (EngineException e) {
        s.err().println(Errors.daemon(e, s));
        return 1;
      }
    });
  }
}
