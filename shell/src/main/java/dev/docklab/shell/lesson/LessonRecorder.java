package dev.docklab.shell.lesson;

import dev.docklab.engine.api.EngineException;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.record.AtomicFile;
import dev.docklab.lessons.record.Draft;
import dev.docklab.lessons.record.DraftYaml;
import dev.docklab.lessons.record.Recording;
import dev.docklab.lessons.record.RecordingStore;
import dev.docklab.lessons.record.Snapshot;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.command.Session;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code lesson record}: a teacher's lines turned into a draft lesson. {@code lesson record} takes the
 * engine's state and keeps every line that follows and works (not docklab's own words);
 * {@code lesson record stop FILE} writes the draft (start state, the lines as the solution, checks
 * suggested from the state they left); {@code lesson record off} drops it. The recording is kept
 * beside the progress, so that quitting docklab or the next {@code docklab -c} goes on with it.
 */
public final class LessonRecorder {
  private static final Set<String> FORCE = Set.of("--force", "-f");

  private final RecordingStore store;
  private final Function<Session, String> dataRoot;
  private Recording recording;
  private boolean loaded;

  public LessonRecorder(RecordingStore store, Function<Session, String> dataRoot) {
    this.store = store;
    this.dataRoot = dataRoot;
  }

  /** {@code lesson record [stop FILE [--force] | off]}. */
  public int record(List<String> args, Session s) {
    if (args.isEmpty()) {
      return start(s);
    }
    return switch (args.get(0)) {
      case "stop" -> stop(args.subList(1, args.size()), s);
      case "off" -> off(s);
      default -> usage(s);
    };
  }

  private int start(Session s) {
    Recording r = current();
    if (r != null) {
      s.out().println(s.msg("lesson.record.already", r.lines().size(), r.dataRoot()));
      return 1;
    }
    recording = new Recording(dataRoot.apply(s), Instant.now().toString(), Snapshot.take(s.engine()), List.of());
    store.save(recording);
    s.out().println(s.msg("lesson.record.started"));
    return 0;
  }

  private int stop(List<String> args, Session s) {
    List<String> files = args.stream().filter(a -> !FORCE.contains(a)).toList();
    if (files.size() != 1) {
      return usage(s);
    }
    Recording r = current();
    if (r == null) {
      s.out().println(s.msg("lesson.record.none"));
      return 1;
    }
    String name = files.get(0).endsWith(".yaml") || files.get(0).endsWith(".yml") ? files.get(0)
        : files.get(0) + ".yaml";
    Path file = s.workspace().resolve(name);
    String id;
    try {
      id = Draft.idOf(file.getFileName().toString());
    } catch (IllegalArgumentException e) {
      s.err().println("docklab: " + s.msg("lesson.record.bad-id", name));
      return 1;
    }
    if (r.lines().isEmpty()) {
      s.err().println("docklab: " + s.msg("lesson.record.empty"));
      return 1;
    }
    if (!r.dataRoot().equals(dataRoot.apply(s))) {
      s.err().println("docklab: " + s.msg("lesson.record.other-root", r.dataRoot()));
      return 1;
    }
    Snapshot after = Snapshot.take(s.engine());
    if (Draft.checks(r.before(), after, r.lines()).isEmpty()) {
      s.err().println("docklab: " + s.msg("lesson.record.no-change"));
      return 1;
    }
    Lesson lesson = Draft.of(id, r.before(), after, r.lines());
    try {
      AtomicFile.write(file, DraftYaml.write(lesson), args.stream().anyMatch(FORCE::contains));
    } catch (FileAlreadyExistsException e) {
      s.err().println("docklab: " + s.msg("lesson.record.exists", name));
      return 1;
    } catch (IOException e) {
      s.err().println("docklab: " + s.msg("lesson.record.write-failed", name, e.getMessage()));
      return 1;
    }
    end();
    s.out().println(s.msg("lesson.record.written", name, id, r.lines().size(),
        lesson.steps().get(0).checks().size()));
    return 0;
  }

  private int off(Session s) {
    Recording r = current();
    if (r == null) {
      s.out().println(s.msg("lesson.record.none"));
      return 0;
    }
    end();
    s.out().println(s.msg("lesson.record.off", r.lines().size()));
    return 0;
  }

  private static int usage(Session s) {
    s.err().println("docklab: " + s.msg("lesson.record.usage"));
    return 2;
  }

  /**
   * After a line that is not one of docklab's own words: kept when a recording is under way on this
   * data root and the line worked; a line that failed is left out, and docklab says so.
   */
  public void afterLine(String line, Session s) {
    String typed = line.strip();
    if (typed.isEmpty() || typed.startsWith("#")) {
      return;
    }
    try {
      Recording r = current();
      if (r == null || !r.dataRoot().equals(dataRoot.apply(s))) {
        return;
      }
      int status = s.state().lastStatus();
      if (status != 0) {
        s.err().println("docklab: " + s.msg("lesson.record.line-failed", status));
        return;
      }
      recording = r.with(typed);
      store.save(recording);
    } catch (RuntimeException e) {
      // the line is done and the prompt comes back: one line, no trace
      s.err().println("docklab: " + s.msg("lesson.record.keep-failed",
          e instanceof EngineException ee ? Said.of(ee, s.messages())
              : e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private void end() {
    store.clear();
    recording = null;
  }

  /** The recording under way, as the file says (read once per shell), or null. */
  private Recording current() {
    if (!loaded) {
      loaded = true;
      recording = store.load();
    }
    return recording;
  }
}
