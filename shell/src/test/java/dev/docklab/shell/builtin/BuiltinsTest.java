package dev.docklab.shell.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.ExplainView;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.io.Interaction;
import dev.docklab.shell.io.StreamInteraction;
import dev.docklab.shell.render.Text;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BuiltinsTest {
  private final Builtins builtins = new Builtins(new DockerCli(), (args, s) -> 42);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir
  Path workspace;

  private Session session(Messages.Lang lang) {
    Session s = new Session(() -> {
      throw new AssertionError("no builtin here needs the engine");
    }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE);
    s.state().setWorkspace(workspace);
    return s;
  }

  private int run(Session s, String... argv) {
    return builtins.find(argv[0]).run(List.of(argv).subList(1, argv.length), s);
  }

  @Test
  void everyWordOfTheListCallsItsBuiltin() {
    assertEquals(List.of("docker", "explain", "docklab", "lessons", "lesson", "goal", "hint", "solution", "answer", "reset", "undo", "jshell", "help", "?",
        "lang", "echo", "clear", "exit", "quit", "cd", "pwd"),
        builtins.all().stream().flatMap(b -> b.words().stream()).toList());
    assertEquals("help", builtins.find("?").name());
    assertEquals("exit", builtins.find("quit").name());
    assertEquals(42, run(session(Messages.Lang.EN), "explain", "last"), "explain is the body it was given");
  }

  @Test
  void dockerSubcommandsAreOwnButHostProgramsAreNot() {
    assertTrue(builtins.isOwn("ps"), "ps is docker ps");
    assertTrue(builtins.isOwn("explain"));
    assertFalse(builtins.isOwn("ls"));
    assertNull(builtins.find("ps"), "a subcommand is docker's, not a builtin");
  }

  @ParameterizedTest
  @EnumSource(Messages.Lang.class)
  void everyUsageInHelpIsSaidInBothLanguages(Messages.Lang lang) {
    Messages m = new Messages(lang);
    for (Builtin b : builtins.all()) {
      assertTrue(b.usageKey() == null || m.has(b.usageKey()), b.name());
    }
  }

  @Test
  void helpJshellSaysWhatJshellIsInBothLanguages() {
    assertEquals(0, run(session(Messages.Lang.EN), "help", "jshell"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("jshell: Java on the live engine"), out.toString());
    out.reset();
    assertEquals(0, run(session(Messages.Lang.ZH), "help", "jshell"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("jshell：在运行中的引擎上写 Java"), out.toString());
  }

  @Test
  void helpListsTheBuiltinsFromTheList() {
    assertEquals(0, run(session(Messages.Lang.EN), "help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").contains(
        " Also: lessons lesson N|ID|next|off|record goal hint solution answer TEXT reset undo jshell (Java on the engine)"
        + " help [COMMAND] lang zh|en"
        + " echo TEXT clear exit (or Ctrl-D) "), out.toString());
    out.reset();
    assertEquals(0, run(session(Messages.Lang.ZH), "?"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(
        "\n另外还有：lessons   lesson 编号|ID|next|off|record   goal   hint   solution"), out.toString());
  }

  /** A session whose terminal is {@code width} columns wide. */
  private Session session(Messages.Lang lang, int width) {
    StreamInteraction streams = new StreamInteraction(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream());
    Interaction sized = (Interaction) Proxy.newProxyInstance(Interaction.class.getClassLoader(),
        new Class<?>[] {Interaction.class}, (proxy, method, args) -> method.getName().equals("width") ? width
            : method.invoke(streams, args));
    Session s = new Session(() -> {
      throw new AssertionError("no builtin here needs the engine");
    }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE, sized);
    s.state().setWorkspace(workspace);
    return s;
  }

  @ParameterizedTest
  @CsvSource({"ZH,60", "ZH,80", "ZH,140", "EN,60", "EN,80", "EN,140"})
  void helpWrapsAtWordBoundariesToTheTerminalsWidth(Messages.Lang lang, int width) {
    for (String[] argv : List.of(new String[] {"help"}, new String[] {"help", "ps"}, new String[] {"help", "run"},
        new String[] {"help", "docker", "pull"})) {
      out.reset();
      assertEquals(0, run(session(lang, width), argv), String.join(" ", argv));
      String text = out.toString(StandardCharsets.UTF_8);
      for (String line : text.split("\n")) { // a line may be wider only when it is one word that cannot break
        assertTrue(Text.width(line) <= width || !line.strip().contains(" "), width + " columns: " + line);
      }
      // no word is broken: the words of the wrapped help are those of the help laid out on one wide line
      out.reset();
      run(session(lang, 10_000), argv);
      assertEquals(words(out.toString(StandardCharsets.UTF_8)), words(text), width + " columns: " + text);
    }
  }

  private static List<String> words(String text) {
    return Pattern.compile("[\\p{IsLatin}0-9_.|\\[\\]<>=-]+").matcher(text).results().map(r -> r.group()).sorted()
        .toList();
  }

  @Test
  void exitStopsTheSessionWithTheLastStatusOrItsArgument() {
    Session s = session(Messages.Lang.EN);
    s.state().setLastStatus(3);
    assertEquals(3, run(s, "quit"));
    assertTrue(s.state().exitRequested());
    assertEquals(4, run(s, "exit", "260"));
    assertEquals(2, run(s, "exit", "soon"));
  }

  @Test
  void cdMovesTheWorkspaceAndRefusesWhatIsNoDirectory() throws Exception {
    Session s = session(Messages.Lang.EN);
    Files.createDirectory(workspace.resolve("test"));
    assertEquals(0, run(s, "cd", "test"));
    assertEquals(workspace.resolve("test"), s.workspace());
    assertEquals(1, run(s, "cd", "nowhere"));
    assertEquals("docklab: cd: nowhere: No such file or directory\n", err.toString(StandardCharsets.UTF_8));
    run(s, "pwd");
    assertEquals(workspace.resolve("test") + "\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void langSwitchesTheSessionsLanguage() {
    Session s = session(Messages.Lang.EN);
    assertEquals(0, run(s, "lang", "zh"));
    assertEquals(Messages.Lang.ZH, s.messages().lang());
    assertEquals(1, run(s, "lang", "fr"));
  }

  @ParameterizedTest
  @EnumSource(Messages.Lang.class)
  void helpExplainListsEveryViewOfExplainsTableWithItsSummary(Messages.Lang lang) {
    Session s = session(lang);
    assertEquals(0, run(s, "help", "explain"), err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    Messages m = new Messages(lang);
    for (ExplainView v : ExplainCommand.views()) {
      assertTrue(text.contains("explain " + v.usage(m)), v.name() + " in\n" + text);
      assertTrue(m.has("explain.view." + v.name()), "a summary for " + v.name());
      assertTrue(text.contains(v.summary(m).substring(0, 6)), v.name() + "'s summary in\n" + text);
    }
    assertTrue(text.contains("explain arch"), text);
    for (String line : text.split("\n")) {
      assertTrue(Text.width(line) <= 80, "within 80 columns: " + line);
    }
  }

  @Test
  void helpAndExplainsUsageNameArchAndEveryOtherView() {
    Session s = session(Messages.Lang.EN);
    run(s, "help");
    String help = out.toString(StandardCharsets.UTF_8);
    String usage = ExplainCommand.usage(new Messages(Messages.Lang.EN));
    for (ExplainView v : ExplainCommand.views()) {
      assertTrue(help.contains(v.name()), v.name() + " in help");
      assertTrue(usage.contains(" " + v.name()), v.name() + " in " + usage);
    }
    assertTrue(usage.startsWith("Usage: explain layers IMAGE | "), usage);
  }

  @Test
  void helpDocklabSaysHowALearnerSignsUp() {
    assertEquals(0, run(session(Messages.Lang.EN), "help", "docklab"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("docklab registry signup [USER] [--password-stdin]\n"));
  }
}
