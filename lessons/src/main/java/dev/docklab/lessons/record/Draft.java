package dev.docklab.lessons.record;

import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Hints;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.StartState;
import dev.docklab.lessons.model.Step;
import dev.docklab.lessons.model.Text;
import java.util.List;
import java.util.Locale;

/**
 * A draft lesson from a teacher's recorded lines: the start state the lines needed, one step whose
 * solution is the lines, and the goal checks the state after them suggests. Its texts are
 * placeholders marked TODO, in both languages, for the teacher to write.
 */
public final class Draft {
  static final Text TITLE = new Text("TODO: the lesson's title", "TODO：这一课的标题");
  static final Text INTRO = new Text("TODO: what this lesson is about, and why it matters",
      "TODO：这一课讲什么，为什么重要");
  static final Text INSTRUCTION = new Text("TODO: what to do in this step, and why", "TODO：这一步要做什么，为什么");
  static final Text GOAL = new Text("TODO: what holds once the step is done (the checks below say it in detail)",
      "TODO：完成这一步后成立的状态（下面的检查会逐项说明）");
  static final Text NUDGE = new Text("TODO: where to look, without naming a command", "TODO：往哪里看，先不说命令");
  static final Text FAMILY = new Text("TODO: the command family to use", "TODO：用哪一类命令");

  private Draft() {}

  /**
   * The lesson id a file name gives: {@code Web-Tag.yaml} is {@code web-tag}.
   *
   * @throws IllegalArgumentException when no letter or digit is left
   */
  public static String idOf(String fileName) {
    String base = fileName.replaceFirst("\\.(yaml|yml)$", "").toLowerCase(Locale.ROOT);
    String id = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (id.length() > 63) {
      id = id.substring(0, 63).replaceAll("-+$", "");
    }
    if (id.isEmpty()) {
      throw new IllegalArgumentException("cannot make a lesson id from \"" + fileName
          + "\": name the file with letters, digits and dashes");
    }
    return id;
  }

  /** The goal checks {@code before} and {@code after} suggest (empty when the lines changed nothing). */
  public static List<CheckItem> checks(Snapshot before, Snapshot after, List<String> lines) {
    return Suggested.from(before, after, lines).checks();
  }

  /**
   * The draft lesson {@code id}: what the lines needed as its start, the lines as its solution, checks
   * from what they left.
   *
   * @throws IllegalStateException when no line was recorded, or the lines changed nothing to check
   */
  public static Lesson of(String id, Snapshot before, Snapshot after, List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalStateException("no line was recorded");
    }
    Suggested s = Suggested.from(before, after, lines);
    if (s.checks().isEmpty()) {
      throw new IllegalStateException("the recorded lines changed nothing a goal could check");
    }
    String all = String.join("; ", lines);
    Step step = new Step(INSTRUCTION, GOAL, s.checks(), new Hints(NUDGE, FAMILY, new Text(all, all)), lines, null,
        null);
    StartState start = new StartState(new StartState.Images(s.present(), s.absent()), s.containers(), null);
    return new Lesson(id, TITLE, INTRO, start, List.of(step), null);
  }
}
