package dev.docklab.shell.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.api.Pushed;
import dev.docklab.engine.api.SearchResult;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.GoTemplate;
import dev.docklab.shell.render.ProgressView;
import dev.docklab.shell.render.Table;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.render.Wrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code pull}, {@code push}, {@code login}, {@code logout}, {@code search}: images to and from registries. */
public final class RegistryCommands {
  private RegistryCommands() {}

  public static List<Command> all() {
    return List.of(pull(), push(), login(), logout(), search());
  }

  static Command pull() {
    List<Option> opts = List.of(Option.bool("quiet", 'q', "opt.pull.quiet"),
        Option.bool("all-tags", 'a', "opt.pull.all-tags"));
    return new SimpleCommand("pull", "pull [OPTIONS] NAME[:TAG|@DIGEST]", opts, true, (args, s) -> {
      args.requireExactly(1);
      String text = args.positionals().get(0);
      try {
        if (!args.has("all-tags")) {
          return pullOne(text, args.has("quiet"), s);
        }
        for (String tag : s.engine().images().remoteTags(text)) {
          pullOne(ImageReference.parse(text).withTag(tag).familiarString(), args.has("quiet"), s);
        }
        return 0;
      } catch (EngineException e) {
        s.err().println(Errors.daemon(e, s));
        HubNotes.afterPullDenied(text, e, s);
        return 1;
      }
    });
  }

  /** One {@code docker pull}: Docker's lines, the digest and the status. */
  private static int pullOne(String text, boolean quiet, Session s) {
    ImageReference ref = ImageReference.parse(text);
    if (ref.tag() == null && ref.digest() == null && !quiet) {
      s.out().println("Using default tag: latest");
    }
    ImageReference full = ref.withDefaultTag();
    Pulled pulled = s.engine().images().pull(text, quiet ? Progress.NONE
        : new ProgressView(s.out(), s.interaction().isTerminal(), s::width));
    if (!quiet) {
      if (!pulled.downloaded()) {
        s.out().println((full.tag() != null ? full.tag() : full.digest().toString()) + ": Pulling from "
            + full.path());
      }
      s.out().println("Digest: " + pulled.digest());
      s.out().println(pulled.newer() ? "Status: Downloaded newer image for " + full.familiarString()
          : "Status: Image is up to date for " + full.familiarString());
    }
    s.out().println(full);
    return 0;
  }

  static Command push() {
    List<Option> opts = List.of(Option.bool("quiet", 'q', "opt.push.quiet"));
    return new SimpleCommand("push", "push [OPTIONS] NAME[:TAG]", opts, true, (args, s) -> {
      args.requireExactly(1);
      try {
        ImageReference ref = ImageReference.parse(args.positionals().get(0));
        ImageReference full = ref.withDefaultTag();
        if (ref.tag() == null && !args.has("quiet")) {
          s.out().println("Using default tag: latest");
        }
        if (!args.has("quiet")) {
          s.out().println("The push refers to repository [" + full.name() + "]");
        }
        Pushed pushed = s.engine().images().push(full.toString(), args.has("quiet")
            ? Progress.NONE : new ProgressView(s.out(), s.interaction().isTerminal(), s::width));
        s.out().println(args.has("quiet") ? full.toString()
            : full.tag() + ": digest: " + pushed.digest() + " size: " + pushed.size());
        return 0;
      } catch (EngineException e) {
        s.err().println(e.getMessage().startsWith("An image does not exist") ? "Error response from daemon: "
            + e.getMessage() : e.getMessage());
        return 1;
      }
    });
  }

  static Command login() {
    List<Option> opts = List.of(Option.value("username", 'u', "string", "opt.login.username"),
        Option.value("password", 'p', "string", "opt.login.password"),
        Option.bool("password-stdin", '\0', "opt.login.password-stdin"));
    return new SimpleCommand("login", "login [OPTIONS] [SERVER]", opts, true, (args, s) -> {
      args.requireAtMost(1);
      String server = args.positionals().isEmpty() ? ImageReference.DEFAULT_DOMAIN : args.positionals().get(0);
      server = server.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
      String user = args.value("username", null);
      String password = args.value("password", null);
      if (password != null) {
        s.err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        if (args.has("password-stdin")) {
          s.err().println("Error: --password and --password-stdin are mutually exclusive");
          return 1;
        }
      }
      try {
        if (args.has("password-stdin")) {
          if (user == null) {
            s.err().println("Error: Must provide --username with --password-stdin");
            return 1;
          }
          password = new BufferedReader(new InputStreamReader(s.in(), StandardCharsets.UTF_8)).readLine();
          password = password == null ? "" : password.strip();
        }
        if (user == null) {
          user = s.interaction().prompt("Username: ", false);
        }
        if (password == null) {
          password = s.interaction().prompt("Password: ", true);
        }
      } catch (IOException e) {
        s.err().println("Error: cannot read the password: " + e.getMessage());
        return 1;
      }
      if (user == null || user.isBlank()) {
        s.err().println("Error: Non-null Username Required");
        return 1;
      }
      if (password == null || password.isEmpty()) {
        s.err().println("Error: Non-null Password Required");
        return 1;
      }
      s.engine().registries().login(server, user.strip(), password);
      s.err().println("WARNING! Your password will be stored unencrypted in "
          + s.engine().registries().settings().credentials() + ".");
      s.err().println("Configure a credential helper to remove this warning. See");
      s.err().println("https://docs.docker.com/engine/reference/commandline/login/#credentials-store");
      s.err().println();
      s.out().println("Login Succeeded");
      var settings = s.engine().registries().settings();
      if (server.equals(ImageReference.DEFAULT_DOMAIN) && settings.hubIsDockerHub()) {
        Wrap.lines(s.msg("login.hub", settings.hub()), "", s.width()).forEach(s.out()::println);
      }
      return 0;
    });
  }

  static Command logout() {
    return new SimpleCommand("logout", "logout [SERVER]", List.of(), true, (args, s) -> {
      args.requireAtMost(1);
      String server = args.positionals().isEmpty() ? ImageReference.DEFAULT_DOMAIN : args.positionals().get(0);
      server = server.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
      boolean had = s.engine().registries().logout(server);
      s.out().println(had ? "Removing login credentials for " + server : "Not logged in to " + server);
      return 0;
    });
  }

  static Command search() {
    List<Option> opts = List.of(Option.value("filter", 'f', "filter", "opt.search.filter"),
        Option.value("limit", '\0', "int", "opt.search.limit"),
        Option.bool("no-trunc", '\0', "opt.search.no-trunc"),
        Option.value("format", '\0', "string", "opt.search.format"));
    return new SimpleCommand("search", "search [OPTIONS] TERM", opts, true, (args, s) -> {
      args.requireExactly(1);
      int limit = args.intValue("limit", 25);
      if (limit < 1 || limit > 100) {
        s.err().println("Error response from daemon: limit " + limit + " is outside the range of [1, 100]");
        return 1;
      }
      int minStars = 0;
      Boolean official = null;
      Boolean automated = null;
      for (String f : args.values("filter")) {
        int eq = f.indexOf('=');
        String key = eq < 0 ? f : f.substring(0, eq);
        String value = eq < 0 ? "" : f.substring(eq + 1);
        try {
          switch (key) {
            case "stars" -> minStars = Integer.parseInt(value);
            case "is-official" -> official = bool(value, key);
            case "is-automated" -> automated = bool(value, key);
            default -> {
              s.err().println("Error response from daemon: invalid filter '" + key + "'");
              return 1;
            }
          }
        } catch (NumberFormatException e) {
          s.err().println("Error response from daemon: invalid filter 'stars=" + value + "'");
          return 1;
        } catch (IllegalArgumentException e) {
          s.err().println("Error response from daemon: " + e.getMessage());
          return 1;
        }
      }
      List<SearchResult> result = s.engine().registries().search(args.positionals().get(0), limit);
      List<List<String>> rows = new ArrayList<>();
      for (SearchResult r : result) {
        int stars = r.stars();
        boolean isOfficial = r.official();
        boolean isAutomated = r.automated();
        if (stars < minStars || official != null && official != isOfficial
            || automated != null && automated != isAutomated) {
          continue;
        }
        String desc = r.description().replace("\n", " ");
        rows.add(List.of(r.name(), args.has("no-trunc") ? desc : Text.ellipsis(desc, 45),
            String.valueOf(stars), isOfficial ? "[OK]" : "", isAutomated ? "[OK]" : ""));
        if (rows.size() == limit) {
          break;
        }
      }
      String format = args.value("format", null);
      if (format == null) {
        Table.render(List.of("NAME", "DESCRIPTION", "STARS", "OFFICIAL", "AUTOMATED"), rows).forEach(s.out()::println);
        HubNotes.afterSearch(args.positionals().get(0), s);
        return 0;
      }
      // --format: Docker's fields .Name .Description .StarCount .IsOfficial .IsAutomated
      try {
        boolean table = format.startsWith("table");
        GoTemplate t = GoTemplate.parse(
            table ? format.substring(5).strip() : format);
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("Name", r.get(0));
          f.put("Description", r.get(1));
          f.put("StarCount", r.get(2));
          f.put("IsOfficial", r.get(3));
          f.put("IsAutomated", r.get(4));
          out.add(List.of(t.execute(f).split("\t", -1)));
        }
        if (!table) {
          out.forEach(r -> s.out().println(String.join("\t", r)));
          return 0;
        }
        Map<String, String> headers = Map.of("Name", "NAME", "Description", "DESCRIPTION",
            "StarCount", "STARS", "IsOfficial", "OFFICIAL", "IsAutomated", "AUTOMATED");
        List<String> header = t.fields().stream().map(x -> headers.getOrDefault(x, x.toUpperCase())).toList();
        Table.render(header, out.stream().map(r -> {
          List<String> x = new ArrayList<>(r);
          while (x.size() < header.size()) {
            x.add("");
          }
          return x.subList(0, header.size());
        }).toList()).forEach(s.out()::println);
        return 0;
      } catch (GoTemplate.TemplateException e) {
        s.err().println(e.getMessage());
        return 1;
      }
    });
  }

  private static boolean bool(String value, String key) {
    if (!value.equals("true") && !value.equals("false") && !value.equals("1") && !value.equals("0")) {
      throw new IllegalArgumentException("invalid filter '" + key + "=" + value + "'");
    }
    return value.equals("true") || value.equals("1");
  }
}
