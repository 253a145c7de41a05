package dev.docklab.shell.command;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.LogLine;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.io.Processes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code attach}, {@code exec}, {@code logs}, {@code top}: what runs inside a container, and what it said. */
public final class ProcessCommands {
  private ProcessCommands() {}

  public static List<Command> all() {
    return List.of(attach(), exec(), logs(), top());
  }

  static Command attach() {
    List<Option> opts = List.of(Option.bool("no-stdin", '\0', "opt.attach.no-stdin"));
    return new SimpleCommand("attach", "attach [OPTIONS] CONTAINER", opts, true, (args, s) -> {
      args.requireExactly(1);
      try {
        Container c = s.engine().containers().inspect(args.positionals().get(0));
        boolean stdin = c.openStdin() && !args.has("no-stdin");
        if (c.tty() && stdin && !s.interaction().isTerminal()) {
          s.err().println("the input device is not a TTY");
          return 1;
        }
        boolean detached;
        try (var a = s.engine().containers().attach(c.id())) {
          if (!c.tty()) {
            s.foreground().started(c.id());
          }
          try {
            detached = s.interaction().attach(a, c.tty(), stdin);
          } finally {
            s.foreground().finished();
          }
        }
        return detached ? detachedFrom(c.name(), s) : s.engine().containers().wait(c.id());
      } catch (EngineException e) {
        s.err().println(Errors.daemon(e, s));
        return 1;
      }
    });
  }

  static Command exec() {
    List<Option> opts = List.of(Option.bool("interactive", 'i', "opt.exec.interactive"),
        Option.bool("tty", 't', "opt.exec.tty"), Option.bool("detach", 'd', "opt.exec.detach"),
        Option.value("env", 'e', "list", "opt.run.env"));
    return new SimpleCommand("exec", "exec [OPTIONS] CONTAINER COMMAND [ARG...]", opts, false, (args, s) -> {
      args.requireAtLeast(2);
      boolean tty = args.has("tty");
      boolean stdin = args.has("interactive");
      if (tty && stdin && !s.interaction().isTerminal()) {
        s.err().println("the input device is not a TTY");
        return 1;
      }
      List<String> pos = args.positionals();
      List<String> env = new ArrayList<>(args.values("env"));
      if (tty) {
        env.add("TERM=xterm");
      }
      // With a tty, the runtime makes a pseudo-terminal for the process and relays the learner's own
      // terminal to it (raw mode, window size), as docker exec -it does.
      List<String> cmd = s.engine().containers().execCommand(pos.get(0), pos.subList(1, pos.size()), env, tty && stdin);
      if (tty && stdin) {
        return s.interaction().runOnTerminal(cmd, s.workspace(), Map.of());
      }
      if (args.has("detach")) {
        new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return 0;
      }
      return Processes.run(cmd, null, Map.of(), stdin ? s.in() : null, s.out(), s.err());
    });
  }

  private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
      .withZone(ZoneOffset.UTC);

  static Command logs() {
    List<Option> opts = List.of(Option.bool("follow", 'f', "opt.logs.follow"),
        Option.bool("timestamps", 't', "opt.logs.timestamps"), Option.value("tail", 'n', "string", "opt.logs.tail"),
        Option.value("since", '\0', "string", "opt.logs.since"), Option.value("until", '\0', "string", "opt.logs.until"));
    return new SimpleCommand("logs", "logs [OPTIONS] CONTAINER", opts, true, (args, s) -> {
      args.requireExactly(1);
      String name = args.positionals().get(0);
      Instant since = args.value("since", null) == null ? null : parseTime(args.value("since", null), "since");
      Instant until = args.value("until", null) == null ? null : parseTime(args.value("until", null), "until");
      String tailText = args.value("tail", "all");
      int tail = tailText.equals("all") ? -1 : parseTail(tailText);
      boolean stamps = args.has("timestamps");
      Containers.Logs logs = s.engine().containers().logs(name);
      List<LogLine> lines = logs.lines().stream()
          .filter(l -> (since == null || !l.time().isBefore(since)) && (until == null || l.time().isBefore(until)))
          .toList();
      if (tail >= 0 && lines.size() > tail) {
        lines = lines.subList(lines.size() - tail, lines.size());
      }
      lines.forEach(l -> print(s, l, stamps));
      if (args.has("follow") && until == null) {
        String id = s.engine().containers().inspect(name).id();
        AtomicBoolean cancelled = new AtomicBoolean();
        s.foreground().cancellable(() -> cancelled.set(true));
        try {
          s.engine().containers().follow(id, logs.position(), l -> print(s, l, stamps), cancelled::get);
        } finally {
          s.foreground().finished();
        }
        if (cancelled.get()) {
          s.err().println(); // the terminal echoed ^C: the prompt goes on a line of its own
        }
      }
      return 0;
    });
  }

  /**
   * Terminal queries (cursor position, device attributes) that a tty program sent: replayed from a log
   * they would make the learner's terminal type its answer into the next command line.
   */
  private static final Pattern TERMINAL_QUERY = Pattern.compile("\u001b\\[[0-9;>?]*[cn]");

  private static void print(Session s, LogLine l, boolean stamps) {
    PrintStream target = l.stream() == 2 ? s.err() : s.out();
    String text = TERMINAL_QUERY.matcher(l.text()).replaceAll("");
    target.println((stamps ? RFC3339_NANO.format(l.time()) + " " : "") + text);
    target.flush();
  }

  private static int parseTail(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw EngineException.invalid("invalid value for \"tail\": " + text + " (use a number of lines, or all)");
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  /** A Docker time value: a Go duration ago ({@code 10m}, {@code 1h30m}), RFC 3339, or Unix seconds. */
  static Instant parseTime(String text, String what) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      // not RFC 3339
    }
    if (text.matches("\\d+(\\.\\d+)?")) {
      double secs = Double.parseDouble(text);
      return Instant.ofEpochSecond((long) secs, (long) ((secs % 1) * 1e9));
    }
    Matcher m = DURATION.matcher(text);
    long nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double v = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos += (long) (v * unit);
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw EngineException.invalid("invalid value for \"" + what + "\": failed to parse value as time or duration: \""
          + text + "\"");
    }
    return Instant.now().minus(Duration.ofNanos(nanos));
  }

  static Command top() {
    return new SimpleCommand("top", "top CONTAINER [ps OPTIONS]", List.of(), false, (args, s) -> {
      args.requireAtLeast(1);
      s.out().print(s.engine().containers().top(args.positionals().get(0)));
      return 0;
    });
  }

  /** After Ctrl+P Ctrl+Q: the teaching line that the container keeps running and how to return; status 0. */
  static int detachedFrom(String name, Session s) {
    s.out().println(s.msg("attach.detached", name));
    return 0;
  }
}
