package dev.docklab.shell;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.RepositoryMeta;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code docklab registry}: serves the hub in the foreground ({@code [--addr HOST:PORT]}, default
 * 127.0.0.1:5000) and manages its users ({@code user add NAME [--admin] [--password-stdin]},
 * {@code user add --from-file class.csv}, {@code user rm NAME}, {@code user ls}).
 */
final class HubCommand {
  static final String DEFAULT_ADDR = "127.0.0.1:5000";

  private HubCommand() {}

  static int run(List<String> args, Path dataRoot, InputStream stdin, PrintStream out, PrintStream err,
      Messages m) {
    Path root = dataRoot.resolve("registry");
    try {
      if (!args.isEmpty() && args.get(0).equals("user")) {
        return user(args.subList(1, args.size()), root, stdin, out, err, m);
      }
      if (!args.isEmpty() && args.get(0).equals("meta")) {
        return meta(args.subList(1, args.size()), root, out, err, m);
      }
      String addr = DEFAULT_ADDR;
      List<String> rest = new ArrayList<>(args);
      if (!rest.isEmpty() && rest.get(0).equals("serve")) {
        rest.remove(0);
      }
      for (int i = 0; i < rest.size(); i++) {
        if (rest.get(i).equals("--addr") && i + 1 < rest.size()) {
          addr = rest.get(++i);
        } else {
          err.println(m.get("registry.usage"));
          return 2;
        }
      }
      int colon = addr.lastIndexOf(':');
      if (colon < 0) {
        err.println(m.get("registry.bad-addr", addr));
        return 2;
      }
      String host = addr.substring(0, colon);
      int port = Integer.parseInt(addr.substring(colon + 1));
      try (HubAdmin hub = Engine.provider().hub(root, out::println)) {
        int bound = hub.start(host, port);
        out.println(m.get("registry.listening", "http://" + host + ":" + bound, root.toString()));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          hub.close();
          stop.countDown();
        }));
        stop.await();
      }
      return 0;
    } catch (EngineException e) {
      err.println(m.get("main.error", Said.of(e, m)));
      return 1;
    } catch (IOException e) {
      err.println(m.get("main.error", e.getMessage()));
      return 1;
    } catch (NumberFormatException e) {
      err.println(m.get("registry.usage"));
      return 2;
    } catch (InterruptedException e) {
      return 130;
    } catch (Exception e) {
      err.println(m.get("main.error", e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    }
  }

  /**
   * {@code registry meta REPO [--description TEXT] [--stars N] [--official|--no-official]
   * [--automated|--no-automated]}: what {@code docker search} shows of a repository.
   */
  private static int meta(List<String> args, Path root, PrintStream out, PrintStream err, Messages m)
      throws IOException {
    if (args.isEmpty() || !Engine.provider().hub(root, null).validRepository(args.get(0))) {
      err.println(m.get("registry.usage"));
      return 2;
    }
    String repo = args.get(0).contains("/") ? args.get(0) : "library/" + args.get(0);
    HubAdmin store = Engine.provider().hub(root, null);
    var meta = store.meta(repo);
    String description = meta.description();
    int stars = meta.stars();
    boolean official = meta.official();
    boolean automated = meta.automated();
    for (int i = 1; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--description" -> description = i + 1 < args.size() ? args.get(++i) : description;
        case "--stars" -> stars = i + 1 < args.size() ? Integer.parseInt(args.get(++i)) : stars;
        case "--official" -> official = true;
        case "--no-official" -> official = false;
        case "--automated" -> automated = true;
        case "--no-automated" -> automated = false;
        default -> {
          err.println(m.get("registry.usage"));
          return 2;
        }
      }
    }
    store.setMeta(repo, new RepositoryMeta(description, Math.max(0, stars), official,
        automated));
    out.println(repo + ": " + (description.isEmpty() ? "-" : description) + " | stars " + stars
        + (official ? " | official" : "") + (automated ? " | automated" : ""));
    return 0;
  }

  private static int user(List<String> args, Path root, InputStream stdin, PrintStream out, PrintStream err,
      Messages m) throws IOException {
    HubAdmin hub = Engine.provider().hub(root, null);
    if (args.size() == 3 && args.get(0).equals("add") && args.get(1).equals("--from-file")) {
      return fromFile(Path.of(args.get(2)), hub, out, err, m);
    }
    if (args.size() >= 2 && args.get(0).equals("add")) {
      String name = args.get(1);
      boolean admin = args.contains("--admin");
      String password;
      if (args.contains("--password-stdin")) {
        password = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      } else if (System.console() != null) {
        char[] p = System.console().readPassword("%s", m.get("registry.password-prompt", name));
        password = p == null ? null : new String(p);
      } else {
        err.println(m.get("registry.password-needed"));
        return 2;
      }
      hub.addUser(name, password == null ? "" : password.strip(), admin);
      out.println(m.get(admin ? "registry.user-added-admin" : "registry.user-added", name));
      return 0;
    }
    if (args.size() == 2 && args.get(0).equals("rm")) {
      hub.removeUser(args.get(1));
      out.println(m.get("registry.user-removed", args.get(1)));
      return 0;
    }
    if (args.size() == 1 && args.get(0).equals("ls")) {
      hub.users().forEach((name, admin) -> out.println(name + (admin ? " (admin)" : "")));
      return 0;
    }
    err.println(m.get("registry.usage"));
    return 2;
  }

  /**
   * {@code user add --from-file class.csv}: every account of a teacher's class list, or none when a line
   * is wrong (each problem with its line number); passwords are never printed.
   */
  private static int fromFile(Path file, HubAdmin hub, PrintStream out, PrintStream err, Messages m) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(m.get("registry.class.unreadable", file, e.getMessage()));
      return 1;
    }
    ClassFile.Parsed parsed = ClassFile.parse(lines, m);
    if (!parsed.problems().isEmpty()) {
      parsed.problems().forEach(p -> err.println(file + ":" + p));
      err.println(m.get("registry.class.none-added", parsed.problems().size()));
      return 1;
    }
    Map<String, Boolean> before = hub.users();
    for (ClassFile.Account a : parsed.accounts()) {
      hub.addUser(a.name(), a.password(), before.getOrDefault(a.name(), false));
    }
    out.println(m.get("registry.class.added", parsed.accounts().size(),
        parsed.accounts().stream().map(ClassFile.Account::name).collect(Collectors.joining(", "))));
    return 0;
  }
}
