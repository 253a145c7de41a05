package dev.docklab.shell.builtin;

import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.SessionState;
import dev.docklab.shell.command.SignupCommand;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.jshell.JShellCommand;
import dev.docklab.shell.lesson.LessonCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docklab's own words, in the one list that the interpreter dispatches from, the completer offers,
 * the highlighter colours and {@code help} lists: {@code docker}, {@code explain}, {@code docklab}
 * ({@code docklab registry signup}), the lesson words
 * ({@code lessons}, {@code lesson}, {@code goal}, {@code hint}, {@code solution}, {@code answer}, {@code reset}, {@code undo}),
 * {@code jshell} (Java on the live engine), {@code help} ({@code ?}), {@code lang}, {@code echo}, {@code clear}, {@code exit} ({@code quit}),
 * {@code cd} and {@code pwd}. A line whose first word is none of them nor a docker subcommand runs on
 * the host.
 */
public final class Builtins {
  private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([^\\s;&|<>()]+)");
  private final DockerCli docker;
  private final LessonCommands lessons;
  private final List<Builtin> all;

  /**
   * The builtins around {@code docker}; {@code explain} is given by the command package, where the
   * engine's reports it draws are. Lessons come from the course and progress file of the environment.
   */
  public Builtins(DockerCli docker, Builtin.Body explain) {
    this(docker, explain, LessonCommands.fromEnvironment());
  }

  /** The builtins, with the lesson words of {@code lessons}. */
  public Builtins(DockerCli docker, Builtin.Body explain, LessonCommands lessons) {
    this.docker = docker;
    this.lessons = lessons;
    HelpCommand help = new HelpCommand(docker, this);
    this.all = List.of(
        new Builtin("docker", List.of(), null, true, docker::execute),
        new Builtin("explain", List.of(), null, true, explain),
        new Builtin("docklab", List.of(), null, false, SignupCommand::run),
        new Builtin("lessons", List.of(), "builtin.lessons.usage", true, lessons::lessons),
        new Builtin("lesson", List.of(), "builtin.lesson.usage", true, lessons::lesson),
        new Builtin("goal", List.of(), "builtin.goal.usage", true, lessons::goal),
        new Builtin("hint", List.of(), "builtin.hint.usage", true, lessons::hint),
        new Builtin("solution", List.of(), "builtin.solution.usage", true, lessons::solution),
        new Builtin("answer", List.of(), "builtin.answer.usage", false, lessons::answer),
        new Builtin("reset", List.of(), "builtin.reset.usage", true, lessons::reset),
        new Builtin("undo", List.of(), "builtin.undo.usage", true, lessons::undo),
        new Builtin("jshell", List.of(), "builtin.jshell.usage", true, JShellCommand::run),
        new Builtin("help", List.of("?"), "builtin.help.usage", false, help::run),
        new Builtin("lang", List.of(), "builtin.lang.usage", false, Builtins::lang),
        new Builtin("echo", List.of(), "builtin.echo.usage", false, Builtins::echo),
        new Builtin("clear", List.of(), "builtin.clear.usage", false, Builtins::clear),
        new Builtin("exit", List.of("quit"), "builtin.exit.usage", false, Builtins::exit),
        new Builtin("cd", List.of(), null, false, Builtins::cd),
        new Builtin("pwd", List.of(), null, false, Builtins::pwd));
  }

  /** Every builtin, in the order help lists them. */
  public List<Builtin> all() {
    return all;
  }

  /** The builtin {@code word} calls (by its name or an alias), or null. */
  public Builtin find(String word) {
    for (Builtin b : all) {
      if (b.words().contains(word)) {
        return b;
      }
    }
    return null;
  }

  /**
   * What runs after every line, whatever it was: the lesson's check, which says when the step's goal
   * holds and shows the next step; then, unless the line was one of docklab's own words (a lesson word,
   * help, explain...), {@code lesson record} keeps it when a recording is under way.
   */
  public void afterLine(String line, Session session) {
    lessons.afterLine(line, session);
    Matcher first = FIRST_WORD.matcher(line);
    Builtin own = first.find() ? find(first.group(1)) : null;
    if (own == null || own.name().equals("docker")) {
      lessons.recorder().afterLine(line, session);
    }
  }

  /** What runs when the shell's lines are done: the lesson's progress not written yet is written. */
  public void end(Session session) {
    lessons.end(session);
  }

  /** The {@code docker} command and its subcommands. */
  public DockerCli docker() {
    return docker;
  }

  /** Whether {@code word} is docklab's own: a builtin, or a docker subcommand typed without docker. */
  public boolean isOwn(String word) {
    return find(word) != null || docker.command(word) != null;
  }

  private static int lang(List<String> args, Session s) {
    if (args.isEmpty()) {
      s.out().println(s.messages().lang().name().toLowerCase());
      return 0;
    }
    Messages.Lang l = Messages.Lang.parse(args.get(0));
    if (l == null) {
      s.err().println("docklab: " + s.msg("lang.unknown", args.get(0)));
      return 1;
    }
    s.state().setMessages(new Messages(l));
    s.out().println(s.msg("lang.set"));
    return 0;
  }

  private static int echo(List<String> args, Session s) {
    s.out().println(String.join(" ", args));
    return 0;
  }

  private static int clear(List<String> args, Session s) {
    s.out().print("\033[H\033[2J");
    s.out().flush();
    return 0;
  }

  /** {@code exit [N]}: no further command runs; the status is N, or the last command's. */
  private static int exit(List<String> args, Session s) {
    s.state().requestExit();
    if (args.isEmpty()) {
      return s.state().lastStatus();
    }
    try {
      return Integer.parseInt(args.get(0)) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  private static int pwd(List<String> args, Session s) {
    s.out().println(s.workspace());
    return 0;
  }

  /** {@code cd [DIR]}: moves the workspace, where host commands run; no argument goes back to the default. */
  private static int cd(List<String> args, Session s) {
    Path target = args.isEmpty() ? SessionState.defaultWorkspace()
        : s.workspace().resolve(args.get(0).replaceFirst("^~", System.getenv().getOrDefault("HOME", "~"))).normalize();
    if (!Files.isDirectory(target)) {
      s.err().println("docklab: cd: " + args.get(0) + ": No such file or directory");
      return 1;
    }
    s.state().setWorkspace(target);
    return 0;
  }
}
