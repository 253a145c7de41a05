package dev.docklab.shell.explain;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Human;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.render.Wrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code explain class IMAGE}: the image drawn as a Java class (its read-only layers as final fields,
 * its default command as the constructor) and its containers as objects of it, each with its own
 * state (status, PID, read-write layer), from the engine's live records.
 */
public final class ClassView {
  /** The changes of a read-write layer named on an object's line; more are counted. */
  static final int CHANGES_SHOWN = 3;

  /**
   * One container of the image, read now.
   *
   * @param container its record
   * @param changes what its read-write layer holds ({@code docker diff})
   * @param rwBytes the bytes of its read-write layer
   */
  public record ObjectFacts(Container container, List<Change> changes, long rwBytes) {
    public ObjectFacts {
      changes = List.copyOf(changes);
    }
  }

  private ClassView() {}

  /** The lines of {@code explain class ref} for a terminal {@code width} columns wide. */
  public static List<String> lines(String ref, Image image, List<ObjectFacts> objects, Messages m, int width) {
    String type = javaName(image, ref);
    List<String> out = new ArrayList<>(Wrap.lines(m.get("explain.class.title", ref), "", "  ", width));
    out.add("");
    out.addAll(comment(m.get("explain.class.image", image.id().shortHex(), Human.size(image.size())), "  ", width));
    out.add(code("  class " + type + " {", width));
    List<Digest> layers = image.layers();
    out.addAll(comment(m.get("explain.class.fields", String.valueOf(layers.size())), "    ", width));
    List<String> steps = layerSteps(image);
    for (int i = 0; i < layers.size(); i++) {
      String step = i < steps.size() && steps.get(i) != null ? "  // " + steps.get(i) : "";
      out.add(code("    final Layer layer" + i + " = " + layers.get(i).shortHex() + ";" + step, width));
    }
    out.addAll(comment(m.get("explain.class.constructor"), "    ", width));
    out.addAll(constructor(type, image.config().configOrEmpty(), width));
    out.add(code("  }", width));
    out.add("");
    if (objects.isEmpty()) {
      out.addAll(Wrap.lines(m.get("explain.class.no-objects", ref), "", "  ", width));
    } else {
      out.addAll(Wrap.lines(m.get("explain.class.objects", String.valueOf(objects.size()), type), "", "  ", width));
      for (ObjectFacts o : objects) {
        out.addAll(object(type, o, m, width));
      }
    }
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.class.jshell", ref), "", "  ", width));
    return out;
  }

  private static List<String> object(String type, ObjectFacts o, Messages m, int width) {
    Container c = o.container();
    List<String> out = new ArrayList<>();
    out.add(code("  " + variable(c.name()) + " = new " + type + "(" + quoted(c.command()) + ");", width));
    boolean running = c.state() != null && c.state().running();
    String status = c.state() == null ? "?" : c.state().status() == ContainerStatus.EXITED
        ? c.state().status().dockerName() + " (" + c.state().exitCode() + ")" : c.state().status().dockerName();
    String pid = running ? m.get("explain.class.pid", String.valueOf(c.state().pid())) : m.get("explain.class.no-pid");
    out.addAll(Wrap.lines(m.get("explain.class.state", c.shortId(), status, pid), "      ", "        ", width));
    String changes = o.changes().stream().limit(CHANGES_SHOWN).map(Change::toString).collect(Collectors.joining(", "));
    if (o.changes().size() > CHANGES_SHOWN) {
      changes += ", …";
    }
    out.addAll(Wrap.lines(o.changes().isEmpty() ? m.get("explain.class.rw-empty")
        : m.get("explain.class.rw", String.valueOf(o.changes().size()), Human.size(o.rwBytes()), changes), "      ", "        ", width));
    return out;
  }

  /** The constructor: the default command, and the entrypoint, working directory and user when set. */
  private static List<String> constructor(String type, ImageConfig.RunConfig run, int width) {
    List<String> body = new ArrayList<>();
    if (run.entrypoint() != null && !run.entrypoint().isEmpty()) {
      body.add("entrypoint = " + list(run.entrypoint()) + ";");
    }
    body.add("cmd = " + (run.cmd() == null ? "null" : list(run.cmd())) + ";");
    if (run.workingDir() != null && !run.workingDir().isEmpty()) {
      body.add("workingDir = \"" + run.workingDir() + "\";");
    }
    if (run.user() != null && !run.user().isEmpty()) {
      body.add("user = \"" + run.user() + "\";");
    }
    String one = "    " + type + "() { " + String.join(" ", body) + " }";
    if (Text.width(one) <= width) {
      return List.of(one);
    }
    List<String> out = new ArrayList<>();
    out.add("    " + type + "() {");
    body.forEach(b -> out.add(code("      " + b, width)));
    out.add("    }");
    return out;
  }

  /** What made each layer, bottom first: the history's steps that made a layer. */
  static List<String> layerSteps(Image image) {
    List<ImageConfig.History> history = image.config().history() == null ? List.of() : image.config().history();
    List<String> steps = new ArrayList<>();
    for (ImageConfig.History h : history) {
      if (!Boolean.TRUE.equals(h.emptyLayer())) {
        steps.add(h.createdBy() == null ? null : h.createdBy().replace("/bin/sh -c #(nop) ", "").strip());
      }
    }
    return steps;
  }

  /** The image's repository as a Java class name: {@code busybox} is {@code Busybox}, {@code alice/my-app} {@code My_app}. */
  static String javaName(Image image, String ref) {
    String name = image.repoTags().isEmpty() ? ref : image.repoTags().get(0).path();
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder b = new StringBuilder();
    for (char ch : name.toCharArray()) {
      b.append(Character.isJavaIdentifierPart(ch) ? ch : '_');
    }
    if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) {
      b.insert(0, "Image_");
    }
    return b.substring(0, 1).toUpperCase(Locale.ROOT) + b.substring(1);
  }

  private static String variable(String name) {
    StringBuilder b = new StringBuilder();
    for (char ch : name.toCharArray()) {
      b.append(Character.isJavaIdentifierPart(ch) ? ch : '_');
    }
    return b.length() > 0 && Character.isJavaIdentifierStart(b.charAt(0)) ? b.toString() : "_" + b;
  }

  private static String quoted(List<String> words) {
    return words.stream().map(w -> "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", "));
  }

  private static String list(List<String> words) {
    return "[" + quoted(words) + "]";
  }

  private static List<String> comment(String text, String indent, int width) {
    return Wrap.lines(text, indent + "// ", indent + "// ", width);
  }

  /** A line of code, cut with an ellipsis when the terminal is narrower. */
  private static String code(String line, int width) {
    return Text.width(line) <= width ? line : Text.ellipsis(line, width);
  }
}
