package dev.docklab.shell.lesson;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.SystemService;
import dev.docklab.lessons.check.EngineView;
import dev.docklab.lessons.check.Http;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.load.LessonFileException;
import dev.docklab.lessons.load.LessonReader;
import dev.docklab.lessons.load.Problem;
import dev.docklab.lessons.mistake.DockerLine;
import dev.docklab.lessons.mistake.Found;
import dev.docklab.lessons.mistake.MistakeDetector;
import dev.docklab.lessons.mistake.MistakeView;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.Text;
import dev.docklab.lessons.record.RecordingStore;
import dev.docklab.lessons.run.GoalReport;
import dev.docklab.lessons.run.LessonProgress;
import dev.docklab.lessons.run.LessonReset;
import dev.docklab.lessons.run.LessonRun;
import dev.docklab.lessons.run.LessonStatus;
import dev.docklab.lessons.run.LessonUndo;
import dev.docklab.lessons.run.NotUndone;
import dev.docklab.lessons.run.Progress;
import dev.docklab.lessons.run.ProgressStore;
import dev.docklab.lessons.run.StartStage;
import dev.docklab.lessons.run.StepResult;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lesson words of one learner's shell ({@code lessons}, {@code lesson}, {@code goal},
 * {@code hint}, {@code solution}, {@code answer}) and the check after every line. The lesson running
 * on this data root is taken from the saved progress, so that a restart (or the next
 * {@code docklab -c}) resumes it. Every change is saved: a lesson word's at once, what a line changed
 * a moment later, off the prompt's way (and before the shell ends at the latest).
 */
public final class LessonCommands {
  /** How long the check after a line waits for what the line started (a log line, a server) to show. */
  private static final Duration SETTLE = Duration.ofSeconds(2);
  /** A line that starts a container, whose output or server comes a moment after the line. */
  private static final Pattern STARTS = Pattern.compile("\\bdocker\\s+(container\\s+)?(run|start|restart|unpause)\\b");

  /** Words that ask about the lesson rather than work on it: they do not count as commands typed. */
  private static final Set<String> ASKING = Set.of("lessons", "lesson", "goal", "hint", "solution", "help", "?",
      "reset", "undo",
      "lang", "clear");
  private static final Pattern FIRST_WORD = Pattern.compile("^\\s*[^\\s;&|<>()]+");

  private final Supplier<Course> courseSource;
  private final ProgressStore store;
  private final Http http;
  private final LessonRecorder recorder;
  private Course course;
  private String dataRoot;
  private LessonRun run;
  private boolean loaded;
  /** When the line now ending started (the end of the one before, or this shell's start). */
  private Instant lineStart = Instant.now();
  /** The mistake the last line made, for the next {@code hint}; null when none. */
  private Found mistake;
  /** The lines typed in this shell since the current step began (those that work, not those that ask). */
  private final List<String> typedInStep = new ArrayList<>();
  /** The lesson's progress as this shell last saved it: a line that changed nothing writes nothing. */
  private LessonProgress saved;

  public LessonCommands(Supplier<Course> course, ProgressStore store, Http http) {
    this.courseSource = course;
    this.store = store;
    this.http = http;
    this.recorder = new LessonRecorder(RecordingStore.beside(store.file()), this::dataRoot);
  }

  /** The course and the progress file this docklab was started with. */
  public static LessonCommands fromEnvironment() {
    return new LessonCommands(Course::fromEnvironment, ProgressStore.fromEnvironment(), Http.local());
  }

  /** {@code lessons}: the course with each lesson's progress. */
  public int lessons(List<String> args, Session s) {
    Course c = course(s);
    Progress p = store.load();
    String active = p.active().isEmpty() ? null : p.active().get(dataRoot(s));
    LessonViews.course(c.lessons(), p, active, s.messages(), s.width()).forEach(s.out()::println);
    return 0;
  }

  /** {@code lesson record}: the teacher's recorder, whose lines are kept after each line (see {@link LessonRecorder}). */
  public LessonRecorder recorder() {
    return recorder;
  }

  /** {@code lesson [N|ID|next|off|lint FILE...|record ...]}. */
  public int lesson(List<String> args, Session s) {
    if (args.isEmpty()) {
      LessonRun r = active(s);
      if (r == null) {
        say(s, s.msg("lesson.none"));
        return 1;
      }
      int n = course(s).number(r.lesson().id());
      print(s, r.finished() ? LessonViews.done(r.lesson(), n, s.messages(), s.width())
          : LessonViews.resume(r.lesson(), n, r.stepIndex(), s.messages(), s.width()));
      return 0;
    }
    return switch (args.get(0)) {
      case "off" -> off(s);
      case "next" -> next(s);
      case "lint" -> lint(args.subList(1, args.size()), s);
      case "record" -> recorder.record(args.subList(1, args.size()), s);
      default -> start(args.get(0), s);
    };
  }

  private int start(String word, Session s) {
    Lesson lesson = course(s).find(word);
    if (lesson == null) {
      s.err().println("docklab: " + s.msg("lesson.unknown", word));
      return 1;
    }
    int number = course(s).number(lesson.id());
    LessonProgress saved = store.load().of(lesson.id());
    loaded = true; // this lesson is the one running now, whatever the progress said before
    if (saved.status() == LessonStatus.IN_PROGRESS && saved.started() != null) {
      run = LessonRun.resume(lesson, saved);
      s.engine().system().keepRemoved(true);
      typedInStep.clear();
      save(s);
      print(s, LessonViews.resume(lesson, number, run.stepIndex(), s.messages(), s.width()));
      say(s, s.msg("lesson.resume.choice"));
      return 0;
    }
    Instant now = Instant.now();
    StartStage.prepare(s.engine(), lesson);
    run = LessonRun.start(lesson, now, LessonReset.tags(s.engine()));
    typedInStep.clear();
    run.seen(LessonUndo.things(s.engine(), lesson, now), true);
    keepFromNow(s);
    save(s);
    print(s, LessonViews.start(lesson, number, course(s).lessons().size(), s.messages(), s.width()));
    return 0;
  }

  private int next(Session s) {
    List<Lesson> all = course(s).lessons();
    LessonRun r = active(s);
    int from;
    if (r != null) {
      from = course(s).number(r.lesson().id());
    } else {
      Progress p = store.load();
      from = 0;
      while (from < all.size() && p.of(all.get(from).id()).status() == LessonStatus.DONE) {
        from++;
      }
    }
    if (from >= all.size()) {
      say(s, s.msg("lesson.last"));
      return 1;
    }
    return start(all.get(from).id(), s);
  }

  private int off(Session s) {
    LessonRun r = active(s);
    if (r == null) {
      say(s, s.msg("lesson.off.none"));
      return 0;
    }
    run = null;
    s.engine().system().keepRemoved(false); // and what was kept for undo goes
    typedInStep.clear();
    store.save(store.load().activeOn(dataRoot(s), null));
    say(s, r.finished() ? s.msg("lesson.off.done")
        : s.msg("lesson.off", course(s).number(r.lesson().id()), r.stepIndex() + 1));
    return 0;
  }

  /** {@code lesson lint FILE...}: each file read as {@code lesson test} would, problems with their lines. */
  private int lint(List<String> files, Session s) {
    if (files.isEmpty()) {
      s.err().println("docklab: " + s.msg("lesson.lint.usage"));
      return 2;
    }
    int status = 0;
    for (String f : files) {
      Path path = s.workspace().resolve(f);
      try {
        Lesson l = LessonReader.read(path);
        say(s, s.msg("lesson.lint.ok", f, l.id(), l.steps().size()));
      } catch (LessonFileException e) {
        for (Problem p : e.problems()) {
          s.err().println(new Problem(f, p.line(), p.message()));
        }
        status = 1;
      }
    }
    return status;
  }

  /** {@code goal}: the step's goal, each check passed or not yet; 0 when it holds, 1 otherwise. */
  public int goal(List<String> args, Session s) {
    LessonRun r = running(s);
    if (r == null) {
      return 1;
    }
    GoalReport report = r.goal(EngineView.of(s.engine()), http);
    print(s, LessonViews.goal(r.lesson(), r.stepIndex(), report, s.messages(), s.width()));
    return report.holds() ? 0 : 1;
  }

  /** {@code hint}: the next tier of help. */
  public int hint(List<String> args, Session s) {
    LessonRun r = running(s);
    if (r == null) {
      return 1;
    }
    if (mistake != null) {
      say(s, mistakeText(r, mistake, s));
      mistake = null;
      return 0;
    }
    Text t = r.nextHint();
    save(s);
    if (t == null) {
      say(s, s.msg("lesson.hint.none"));
      return 1;
    }
    print(s, LessonViews.hint(t, r.hintsShown(), r.step().hints().tiers().size(), s.messages(), s.width()));
    return 0;
  }

  /**
   * {@code solution}: the reference commands; the step then counts as solved with help. On a terminal,
   * the next of them (the first the learner has not typed in this step yet) is put on the input line,
   * to edit or run.
   */
  public int solution(List<String> args, Session s) {
    LessonRun r = running(s);
    if (r == null) {
      return 1;
    }
    r.solution();
    save(s);
    print(s, LessonViews.solution(r.step(), r.stepIndex(), s.messages(), s.width()));
    String next = SolutionLines.next(r.step().solution(), typedInStep);
    if (next != null) {
      s.placeInput(next);
    }
    return 0;
  }

  /**
   * {@code reset}: the lesson back to its start state on the engine (its containers and the image
   * names made since it started removed, the start state prepared again), at step 1.
   */
  public int reset(List<String> args, Session s) {
    LessonRun r = active(s);
    if (r == null) {
      say(s, s.msg("lesson.none"));
      return 1;
    }
    run = LessonReset.reset(s.engine(), r.lesson(), r.progress(), Instant.now());
    typedInStep.clear();
    run.seen(LessonUndo.things(s.engine(), r.lesson(), run.progress().startInstant()), true);
    keepFromNow(s);
    save(s);
    say(s, s.msg("lesson.reset"));
    print(s, LessonViews.start(r.lesson(), course(s).number(r.lesson().id()), course(s).lessons().size(),
        s.messages(), s.width()));
    return 0;
  }

  /**
   * {@code undo}: the lesson's things back to how they were before the last line that changed them
   * (what it removed comes back from what the engine kept); says what could not come back, and a push,
   * which nothing takes back.
   */
  public int undo(List<String> args, Session s) {
    LessonRun r = running(s);
    if (r == null) {
      return 1;
    }
    List<NotUndone> not = LessonUndo.undo(s.engine(), r.lesson(), r.progress().startInstant(), r.progress().before());
    List<String> pushed = r.progress().pushed();
    r.undone();
    SolutionLines.forgetLast(r.step().solution(), typedInStep);
    save(s);
    print(s, LessonViews.undone(not, pushed, s.messages(), s.width()));
    return not.isEmpty() && pushed.isEmpty() ? 0 : 1;
  }

  /** {@code answer TEXT}: the answer to the step's question; 0 when it is accepted. */
  public int answer(List<String> args, Session s) {
    LessonRun r = running(s);
    if (r == null) {
      return 1;
    }
    if (args.isEmpty()) {
      s.err().println("docklab: " + s.msg("lesson.answer.usage"));
      return 2;
    }
    boolean asks = r.step().checks().stream().anyMatch(i -> i.answer() != null);
    if (!asks) {
      say(s, s.msg("lesson.answer.no-question"));
      return 1;
    }
    r.answer(String.join(" ", args));
    save(s);
    boolean right = r.goal(EngineView.of(s.engine()), http).lines().stream()
        .filter(l -> l.item().answer() != null).allMatch(l -> l.verdict().holds());
    if (!right) {
      say(s, s.msg("lesson.answer.wrong"));
      return 1;
    }
    return 0;
  }

  /**
   * After every line: counts it (unless it only asked about the lesson), and when the step's goal
   * holds, says so and shows the next step. Never fails the line: a check that cannot run is one line.
   * What changed is saved a moment later, off the prompt's way ({@link ProgressStore#saveSoon}).
   */
  public void afterLine(String line, Session s) {
    try {
      LessonRun r = active(s);
      if (r == null || r.finished()) {
        return;
      }
      Matcher word = FIRST_WORD.matcher(line);
      String first = word.find() ? word.group() : "";
      List<String> pushes = pushes(line, s.state().lastStatus());
      if (!first.isEmpty() && !ASKING.contains(first.strip())) {
        r.typed();
        typedInStep.add(line);
        Found found = MistakeDetector.detect(line, s.state().lastStatus(), lineStart, MistakeView.of(s.engine()));
        if (found != null) {
          mistake = found;
          print(s, LessonViews.mistake(mistakeText(r, found, s), s.messages(), s.width()));
        }
      }
      GoalReport report = r.goal(EngineView.of(s.engine()), http);
      if (STARTS.matcher(line).find()) {
        report = settled(r, report, s);
      }
      if (report.holds()) {
        StepResult result = r.pass(report, Instant.now());
        typedInStep.clear();
        print(s, LessonViews.passed(r.lesson(), result, course(s).number(r.lesson().id()), s.messages(), s.width()));
      }
      boolean changed = r.seen(LessonUndo.things(s.engine(), r.lesson(), r.progress().startInstant()), false, pushes);
      keepFor(r, changed, s);
      if (!r.progress().equals(saved)) {
        store.saveSoon(progressWith(r, s));
        saved = r.progress();
      }
    } catch (RuntimeException e) {
      // whatever went wrong, the learner's line is done and the prompt comes back: one line, no trace
      s.err().println("docklab: " + s.msg("lesson.check.failed",
          e instanceof EngineException ee ? Said.of(ee, s.messages())
              : e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      lineStart = Instant.now();
    }
  }

  /**
   * The goal once what a line started has had a moment to show: a container's first log line, a server
   * answering. When a line that started a container succeeded and only such checks fail, the goal is asked again for up to
   * {@link #SETTLE}, so that {@code docker run -d ...} passes its step at once, not on the next line.
   */
  private GoalReport settled(LessonRun r, GoalReport report, Session s) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (!report.holds() && s.state().lastStatus() == 0 && onlySlowChecksFail(report)
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      report = r.goal(EngineView.of(s.engine()), http);
    }
    return report;
  }

  /** Whether every check that fails waits on a process: a log line, or an HTTP answer. */
  private static boolean onlySlowChecksFail(GoalReport report) {
    return report.lines().stream().filter(l -> !l.verdict().holds())
        .allMatch(l -> l.item().http() != null || l.item().container() != null && l.item().container().log() != null);
  }

  /**
   * What the engine keeps for undo after a line: what the last line that changed the lesson's things
   * removed (older things are dropped when a line changes them again); nothing once the lesson is done.
   */
  private void keepFor(LessonRun r, boolean changed, Session s) {
    SystemService system = s.engine().system();
    if (r.finished()) {
      system.keepRemoved(false);
      return;
    }
    if (!system.keepsRemoved()) {
      system.keepRemoved(true); // a lesson started before docklab kept removed things
    }
    if (changed) {
      system.dropKept(lineStart);
    }
  }

  /** Keeping on, and nothing kept from before now: the lesson's start (or reset) is no line to undo. */
  private static void keepFromNow(Session s) {
    s.engine().system().keepRemoved(true);
    s.engine().system().dropKept(Instant.now());
  }

  /** The image names a line pushed: a push the hub took is the one thing undo cannot take back. */
  private static List<String> pushes(String line, int status) {
    DockerLine d = DockerLine.parse(line);
    if (status != 0 || d == null || !d.command().equals("push") || d.operands().isEmpty()) {
      return List.of();
    }
    return List.of(d.operands().get(0));
  }

  /** What to say about {@code found}: the lesson's own words when it has them, else docklab's. */
  private static String mistakeText(LessonRun r, Found found, Session s) {
    Text own = r.lesson().mistakeText(found.kind());
    if (own != null) {
      return own.with("what", found.what()).in(s.messages().lang() == Messages.Lang.ZH);
    }
    return s.msg("lesson.mistake." + found.kind().key(), found.args().toArray());
  }

  /** The lesson running, or null (saying so) when none is. */
  private LessonRun running(Session s) {
    LessonRun r = active(s);
    if (r == null) {
      say(s, s.msg("lesson.none"));
      return null;
    }
    if (r.finished()) {
      print(s, LessonViews.done(r.lesson(), course(s).number(r.lesson().id()), s.messages(), s.width()));
      return null;
    }
    return r;
  }

  /** The lesson running on this data root, as the saved progress says (read once per shell). */
  private LessonRun active(Session s) {
    if (!loaded) {
      loaded = true;
      Progress p = store.load();
      if (!p.active().isEmpty()) {
        String id = p.active().get(dataRoot(s));
        Lesson l = id == null ? null : course(s).find(id);
        if (l != null && p.of(id).started() != null) {
          run = LessonRun.resume(l, p.of(id));
          saved = run.progress();
        }
      }
    }
    return run;
  }

  /** The lines are done (the shell ends): the progress not written yet is written now. */
  public void end(Session s) {
    try {
      store.flush();
    } catch (RuntimeException e) {
      s.err().println("docklab: " + s.msg("lesson.save.failed", e.getMessage()));
    }
  }

  private void save(Session s) {
    if (run != null) {
      store.save(progressWith(run, s));
      saved = run.progress();
    }
  }

  /** The saved progress with {@code r}'s, {@code r} the lesson running on this data root. */
  private Progress progressWith(LessonRun r, Session s) {
    return store.load().with(r.lesson().id(), r.progress()).activeOn(dataRoot(s), r.lesson().id());
  }

  private Course course(Session s) {
    if (course == null) {
      course = courseSource.get();
      for (Problem p : course.problems()) {
        s.err().println("docklab: " + s.msg("lesson.problem", p));
      }
    }
    return course;
  }

  private String dataRoot(Session s) {
    if (dataRoot == null) {
      dataRoot = s.engine().system().info().dataRoot().toAbsolutePath().normalize().toString();
    }
    return dataRoot;
  }

  private static void print(Session s, List<String> lines) {
    lines.forEach(s.out()::println);
  }

  private static void say(Session s, String text) {
    print(s, LessonViews.say(text, s.width()));
  }
}
