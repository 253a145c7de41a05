package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.render.Wrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docklab registry signup [USER] [--password-stdin]} in the REPL: a learner makes an account on
 * docklab's hub, when daemon.json's {@code hub-signup} allows it (the default for a single learner).
 */
public final class SignupCommand {
  private SignupCommand() {}

  /** The builtin {@code docklab}: {@code args} are what follows it. */
  public static int run(List<String> args, Session s) {
    if (args.size() < 2 || !args.get(0).equals("registry") || !args.get(1).equals("signup")) {
      s.err().println("docklab: " + s.msg("signup.usage"));
      return 2;
    }
    List<String> rest = new ArrayList<>(args.subList(2, args.size()));
    boolean fromStdin = rest.remove("--password-stdin");
    if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("-"))) {
      s.err().println("docklab: " + s.msg("signup.usage"));
      return 2;
    }
    try {
      var settings = s.engine().registries().settings();
      if (!settings.hubSignup()) {
        s.err().println("docklab: " + s.msg("signup.off"));
        return 1;
      }
      String user = rest.isEmpty() ? null : rest.get(0);
      String password;
      if (fromStdin) {
        if (user == null) {
          s.err().println("Error: Must provide a user name with --password-stdin");
          return 1;
        }
        password = new BufferedReader(new InputStreamReader(s.in(), StandardCharsets.UTF_8)).readLine();
        password = password == null ? "" : password.strip();
      } else {
        if (user == null) {
          user = s.interaction().prompt(s.msg("signup.prompt.user"), false);
        }
        password = s.interaction().prompt(s.msg("signup.prompt.password"), true);
        String again = s.interaction().prompt(s.msg("signup.prompt.again"), true);
        if (password == null || !password.equals(again)) {
          s.err().println("docklab: " + s.msg("signup.mismatch"));
          return 1;
        }
      }
      if (user == null || user.isBlank()) {
        s.err().println("Error: Non-null Username Required");
        return 1;
      }
      s.engine().registries().signup(user.strip(), password);
      Wrap.lines(s.msg("signup.done", user.strip(), settings.hub()), "", s.width()).forEach(s.out()::println);
      return 0;
    } catch (IOException e) {
      s.err().println("docklab: " + s.msg("signup.unreadable", e.getMessage()));
      return 1;
    } catch (EngineException e) {
      s.err().println("docklab: " + Said.of(e, s.messages()));
      return 1;
    }
  }
}
