package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.model.Lesson;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ports lesson played the way a learner would, in the REPL on a real terminal (tmux at 80
 * columns): a port the image does not EXPOSE first, the note and the hint that react to it, then a
 * valid way that is not the reference one; {@code solution} putting its next command on the input
 * line; and the lesson's views in Chinese within the terminal's width, at 80 columns and at 60.
 */
class LessonTerminalIT {
  private static final String PROMPT = "docklab>";
  private LessonHarness h;
  private Path home;
  private TmuxSession term;

  @BeforeEach
  void start() throws Exception {
    h = LessonHarness.open("terminal");
    home = Files.createTempDirectory("docklab-lesson-terminal-home-");
    Path jar = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the shell first: " + jar);
    term = TmuxSession.start("docklab-lesson-it-" + ProcessHandle.current().pid(), 80, 60,
        "env HOME=" + home + " DOCKLAB_CONFIG=" + h.config + " LANG=C.UTF-8 java -jar " + jar
            + " --data-root " + h.t.root + " --lang en");
    term.waitFor(PROMPT + " ", 120);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (term != null) {
        term.close(); // the REPL lets go of the data root before docklab -c removes the containers
      }
    } finally {
      try {
        h.close();
      } finally {
        Trees.deleteRecursively(home);
      }
    }
  }

  @Test
  void aWrongPortThenAWayOfOnesOwnThenTheSolutionOnTheInputLineAndChineseWithinTheWidth() throws Exception {
    int wrongPort = freePort();
    int port = freePort();
    term.clear();
    line("lesson ports");
    term.waitFor("Step 1/3:", 60);

    // a port web does not EXPOSE: the container runs, and the note says what went wrong at once
    line("docker run -d -p " + wrongPort + ":8081 --name wrong web");
    String mistake = "Port 8081 is not one web listens on: the image EXPOSEs 80. Publish that one instead, "
        + "for example -p " + wrongPort + ":80";
    assertTrue(flat(after("docker run -d -p " + wrongPort)).contains(">> " + mistake), term.screen());

    // the next hint gives that mistake, before the tiers
    line("hint");
    String hint = flat(after(PROMPT + " hint"));
    assertTrue(hint.startsWith(mistake), hint);
    assertFalse(hint.contains("Hint 1/3"), hint);

    // create + start, another name and another host port: not the reference, and it passes
    line("docker create -p " + port + ":80 --name mine web");
    assertFalse(term.screen().contains("Step 1/3 done"), "a created container serves nothing yet");
    line("docker start mine");
    String passed = flat(after(PROMPT + " docker start mine"));
    assertTrue(passed.contains(">> Step 1/3 done: the goal holds."), passed);
    assertTrue(passed.contains("You used 3 commands; the reference uses 2."), passed);
    assertTrue(passed.contains("Step 2/3:"), passed);
    assertTrue(get(port).contains("busybox httpd"), "the page answers on the learner's own port");
    assertFitsAndNothingWrapped(80);

    // solution prints the reference and puts its first line on the input line, typed but not run
    term.type("solution");
    term.waitForLastLine(PROMPT + " docker run -d -P --name web2 web", 10);
    Thread.sleep(1000);
    assertEquals(PROMPT + " docker run -d -P --name web2 web", term.lastLine(), "nothing ran it");
    term.keys("Enter");
    term.waitFor(">> Step 2/3 done: the goal holds.", 20);
    waitForPrompt();
    assertTrue(flat(term.screen()).contains("You used 1 command; the reference uses 2 (solved with help)."),
        term.screen());

    // in Chinese, at 80 columns and then at 60: every view within the width, no word cut
    line("lang zh");
    for (int width : new int[] {80, 60}) {
      term.resize(width, 60);
      term.clear();
      waitForPrompt();
      line("lessons");
      assertFitsAndNothingWrapped(width);
      assertEveryTitleWhole();
      term.clear();
      waitForPrompt();
      line("lesson");
      line("goal");
      line("hint");
      term.type("solution");
      term.waitForLastLine(PROMPT + " docker rm -f web web2", 10);
      term.keys("C-c");
      waitForPrompt();
      String zh = term.screen();
      assertTrue(zh.contains("第 3/3 步"), zh);
      assertTrue(zh.matches("(?s).*\n提示 \\d/3：.*"), zh);
      assertFitsAndNothingWrapped(width);
    }
  }

  /** Types {@code text} at a fresh prompt, and waits for the next one. */
  private void line(String text) throws Exception {
    waitForPrompt();
    long prompts = term.count(PROMPT);
    term.type(text);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (term.count(PROMPT) <= prompts || !term.lastLine().equals(PROMPT)) {
      assertTrue(System.nanoTime() < deadline, "no prompt after " + text + ":\n" + term.screen());
      Thread.sleep(50);
    }
  }

  private void waitForPrompt() throws Exception {
    term.waitForLastLine(PROMPT, 60);
  }

  /** What the screen shows after the last {@code line}, up to the prompt that follows. */
  private String after(String line) throws Exception {
    String s = term.screen();
    int from = s.lastIndexOf(line);
    assertTrue(from >= 0, line + " on the screen:\n" + s);
    int start = s.indexOf('\n', from) + 1;
    int end = s.indexOf("\n" + PROMPT, start);
    return s.substring(start, end < 0 ? s.length() : end);
  }

  /** {@code text} with its line breaks and indents as single spaces: what was said, however it wrapped. */
  private static String flat(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** Every row the terminal shows is a line docklab wrote: none was longer than the terminal and wrapped. */
  private void assertFitsAndNothingWrapped(int width) throws Exception {
    List<String> rows = trimmed(term.rows());
    List<String> lines = trimmed(term.screen().lines().map(String::stripTrailing).toList());
    List<String> wrapped = new ArrayList<>();
    for (String l : lines) {
      if (!rows.contains(l)) {
        wrapped.add(l);
      }
    }
    assertTrue(wrapped.isEmpty(), "lines the " + width + "-column terminal had to wrap: " + wrapped
        + "\n" + String.join("\n", rows));
    assertEquals(rows, lines);
  }

  /** The title of every lesson of the course is on the screen with its Latin words whole. */
  private void assertEveryTitleWhole() throws Exception {
    String screen = term.screen();
    String joined = screen.replaceAll("\\s+", "");
    Pattern latin = Pattern.compile("[A-Za-z0-9+()-]+");
    for (Lesson l : Course.bundled().lessons()) {
      String title = l.title().zh();
      assertTrue(joined.contains(title.replaceAll("\\s+", "")), title + " on the screen:\n" + screen);
      Matcher m = latin.matcher(title);
      while (m.find()) {
        assertTrue(Pattern.compile("(^|[^A-Za-z0-9+()-])" + Pattern.quote(m.group()) + "($|[^A-Za-z0-9+()-])",
            Pattern.MULTILINE).matcher(screen).find(), m.group() + " of " + title + " is cut:\n" + screen);
      }
    }
  }

  private static List<String> trimmed(List<String> lines) {
    List<String> l = new ArrayList<>(lines);
    while (!l.isEmpty() && l.get(l.size() - 1).isBlank()) {
      l.remove(l.size() - 1);
    }
    return l;
  }

  private static String get(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
