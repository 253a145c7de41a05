package dev.docklab.lessons.record;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.lessons.check.ContainerCheck;
import dev.docklab.lessons.check.ImageCheck;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.StartContainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the state before the lines and the state after them suggest for a draft lesson: the images its
 * start needs (present) and the names it owns (absent), the containers the lines worked on that were
 * already there, and goal checks that hold on the state after and not on the state before. Checks of
 * the containers the lines made leave the name out, so that any name passes.
 *
 * @param present the image names the start state needs, in the short form ({@code web}, {@code app:v1})
 * @param absent the image names the lines made, which the start state removes
 * @param containers the containers the lines used or changed that were there before
 * @param checks the suggested goal checks, none with a {@code say}
 */
record Suggested(List<String> present, List<String> absent, List<StartContainer> containers, List<CheckItem> checks) {

  static Suggested from(Snapshot before, Snapshot after, List<String> typed) {
    Lines lines = new Lines(typed);
    Set<String> present = new LinkedHashSet<>();
    List<String> made = madeNames(before, after, lines);
    Set<String> absent = new LinkedHashSet<>();
    made.forEach(r -> absent.add(Lines.shortRef(r)));
    for (SeenImage i : before.images()) {
      i.refs().stream().filter(lines::mentionsImage).forEach(r -> present.add(Lines.shortRef(r)));
    }
    List<CheckItem> checks = new ArrayList<>();
    List<StartContainer> start = new ArrayList<>();
    for (SeenContainer c : oldestFirst(before.containers())) {
      SeenContainer now = after.container(c.id());
      boolean changed = now == null || !now.state().equals(c.state()) || !now.name().equals(c.name());
      if (!changed && !lines.mentionsContainer(c)) {
        continue;
      }
      start.add(startContainer(c, before));
      addImage(present, before, c.image());
      if (now == null) {
        checks.add(item(new ContainerCheck(c.name(), null, null, null, false, null, null, null, null, null, null,
            null, null, null)));
      } else if (changed) {
        checks.add(item(new ContainerCheck(now.name(), null, null, null, null, now.state(), exitCode(now), null,
            null, null, null, null, null, null)));
      }
    }
    for (SeenContainer c : oldestFirst(after.containers())) {
      if (before.container(c.id()) == null) {
        addImage(present, before, c.image());
        checks.addAll(containerChecks(c, before, after));
      }
    }
    checks.addAll(imageChecks(made, before, after, lines, present));
    for (SeenImage i : before.images()) {
      for (String r : i.refs()) {
        if (after.image(r) == null) {
          present.add(Lines.shortRef(r));
          checks.add(item(new ImageCheck(Lines.shortRef(r), false, null, null, null, null, null, null)));
        }
      }
    }
    present.removeAll(absent);
    return new Suggested(List.copyOf(present), List.copyOf(absent), start, checks);
  }

  /** The names after that were not there before, or named another image: in the order the lines name them. */
  private static List<String> madeNames(Snapshot before, Snapshot after, Lines lines) {
    List<String> made = new ArrayList<>();
    for (SeenImage i : after.images()) {
      for (String r : i.refs()) {
        SeenImage old = before.image(r);
        if (old == null || !old.id().equals(i.id())) {
          made.add(r);
        }
      }
    }
    made.sort(Comparator.comparingInt(lines::firstMention));
    return made;
  }

  /** A container the lines made: its image, state, ports, mounts, command, terminal; any name. */
  private static List<CheckItem> containerChecks(SeenContainer c, Snapshot before, Snapshot after) {
    List<String> ports = c.ports().stream().map(Suggested::publishes).distinct().toList();
    List<ContainerCheck.MountWant> mounts = c.mounts().stream().map(Suggested::mount).toList();
    String command = ownCommand(c, before, after) ? String.join(" ", c.command()) : null;
    List<CheckItem> checks = new ArrayList<>();
    checks.add(item(new ContainerCheck(null, c.image(), null, null, null, c.state(), exitCode(c),
        c.tty() ? true : null, c.interactive() ? true : null, command, ports.isEmpty() ? null : ports.get(0),
        c.publishAll() ? true : null, mounts.isEmpty() ? null : mounts.get(0), null)));
    // one check holds one port and one mount: the others, each of a container of the same image
    for (String p : ports.subList(Math.min(1, ports.size()), ports.size())) {
      checks.add(item(new ContainerCheck(null, c.image(), null, null, null, null, null, null, null, null, p, null,
          null, null)));
    }
    for (ContainerCheck.MountWant m : mounts.subList(Math.min(1, mounts.size()), mounts.size())) {
      checks.add(item(new ContainerCheck(null, c.image(), null, null, null, null, null, null, null, null, null, null,
          m, null)));
    }
    return checks;
  }

  /**
   * The names the lines made: a second name of an image that was there ({@code docker tag}) is the same
   * as one of its old names; a new image ({@code commit}, {@code build}) sits on the layers of the image
   * it was made from, with what the commit or build wrote.
   */
  private static List<CheckItem> imageChecks(List<String> made, Snapshot before, Snapshot after, Lines lines,
      Set<String> present) {
    List<CheckItem> checks = new ArrayList<>();
    Map<String, String> firstName = new HashMap<>();
    for (String ref : made) {
      SeenImage image = after.image(ref);
      SeenImage old = before.imageById(image.id());
      String name = Lines.shortRef(ref);
      if (old != null) {
        String same = pick(old.refs(), lines);
        present.add(same);
        checks.add(item(new ImageCheck(name, null, same, null, null, null, null, null)));
      } else if (firstName.containsKey(image.id())) {
        checks.add(item(new ImageCheck(name, null, firstName.get(image.id()), null, null, null, null, null)));
      } else {
        firstName.put(image.id(), name);
        SeenImage base = base(image, before, lines);
        if (base == null) {
          checks.add(item(new ImageCheck(name, null, null, null, null, null, null, null)));
          continue;
        }
        String baseName = pick(base.refs(), lines);
        present.add(baseName);
        checks.add(item(new ImageCheck(name, null, null, baseName, image.layers().size() - base.layers().size(),
            differs(image.author(), base.author()), differs(image.comment(), base.comment()),
            image.cmd().isEmpty() || image.cmd().equals(base.cmd()) ? null : String.join(" ", image.cmd()))));
      }
    }
    return checks;
  }

  /** The image before whose layers are the most of {@code image}'s bottom ones (the named one first), or null. */
  private static SeenImage base(SeenImage image, Snapshot before, Lines lines) {
    SeenImage best = null;
    for (SeenImage b : before.images()) {
      int n = b.layers().size();
      boolean under = n > 0 && n <= image.layers().size() && image.layers().subList(0, n).equals(b.layers());
      boolean better = best == null || n > best.layers().size()
          || (n == best.layers().size() && !mentioned(best, lines) && mentioned(b, lines));
      if (under && better) {
        best = b;
      }
    }
    return best;
  }

  private static boolean mentioned(SeenImage i, Lines lines) {
    return i.refs().stream().anyMatch(lines::mentionsImage);
  }

  /** The short form of the first of {@code refs} the lines name, else of the first. */
  private static String pick(List<String> refs, Lines lines) {
    return Lines.shortRef(refs.stream().filter(lines::mentionsImage).findFirst().orElse(refs.get(0)));
  }

  private static String differs(String mine, String base) {
    return mine == null || mine.isBlank() || mine.equals(base) ? null : mine;
  }

  /** A container that was there: created again at the lesson's start, as it was. */
  private static StartContainer startContainer(SeenContainer c, Snapshot before) {
    SeenImage image = before.imageById(c.imageId());
    List<String> command = List.of();
    if (image != null && !c.command().equals(image.defaultCommand())) {
      List<String> entry = image.entrypoint();
      boolean after = !entry.isEmpty() && c.command().size() >= entry.size()
          && c.command().subList(0, entry.size()).equals(entry);
      command = after ? c.command().subList(entry.size(), c.command().size()) : c.command();
    }
    return new StartContainer(c.name(), c.image(), command, c.tty(), c.interactive(), c.running());
  }

  /** Whether the container runs a command of its own rather than its image's. */
  private static boolean ownCommand(SeenContainer c, Snapshot before, Snapshot after) {
    SeenImage image = after.imageById(c.imageId());
    image = image == null ? before.imageById(c.imageId()) : image;
    return image != null && !c.command().equals(image.defaultCommand());
  }

  /** The name of {@code typed} in the start state, when the image was there before the lines. */
  private static void addImage(Set<String> present, Snapshot before, String typed) {
    String ref = Lines.familiar(typed);
    if (before.image(ref) != null) {
      present.add(Lines.shortRef(ref));
    }
  }

  private static Integer exitCode(SeenContainer c) {
    return c.state().equals("exited") ? c.exitCode() : null;
  }

  /** The container port (any host port passes), with {@code /udp} when it is one. */
  private static String publishes(PortMapping p) {
    return p.containerPort() + (p.proto().equals("udp") ? "/udp" : "");
  }

  /** The mount as a check asks for it: the volume's name unless it is anonymous; read-only when it is. */
  private static ContainerCheck.MountWant mount(Container.MountPoint m) {
    String source = "volume".equals(m.type()) ? (m.anonymous() ? null : m.name()) : m.source();
    return new ContainerCheck.MountWant(m.destination(), m.type(), source, m.readOnly() ? true : null);
  }

  private static <T> List<T> oldestFirst(List<T> newestFirst) {
    List<T> l = new ArrayList<>(newestFirst);
    Collections.reverse(l);
    return l;
  }

  private static CheckItem item(ContainerCheck c) {
    return CheckItem.of(c, null);
  }

  private static CheckItem item(ImageCheck c) {
    return CheckItem.of(c, null);
  }
}
