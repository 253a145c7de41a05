package dev.docklab.shell.explain;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Confinement;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.engine.api.FileReport;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.api.MountReport;
import dev.docklab.engine.api.NetworkFacts;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Human;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.render.Wrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explain views: pure functions from the engine's reports to lines for a terminal of a given width,
 * docklab's prose wrapped at word boundaries by display width, never cut.
 */
public final class ExplainViews {
  static final int WIDTH = 80;

  private ExplainViews() {}

  /** A path shown within {@code max} columns: its start, an ellipsis, its end. */
  static String shortPath(Path p, int max) {
    String s = p.toString();
    if (s.length() <= max) {
      return s;
    }
    int keep = max - 1;
    return s.substring(0, keep / 2) + "…" + s.substring(s.length() - (keep - keep / 2));
  }

  private static String shortDigest(String d) {
    return d.startsWith("sha256:") ? d.substring(7, 19) : d;
  }

  /** {@code explain layers}: the roll of read-only layers, base at the bottom. */
  public static List<String> layers(LayerReport r, Messages m) {
    return layers(r, m, WIDTH);
  }

  /**
   * {@code explain layers} for a terminal {@code width} columns wide: the "shared with" lists wrapped,
   * and what sharing saves with the count behind it, layer by layer.
   */
  public static List<String> layers(LayerReport r, Messages m, int width) {
    List<String> out = new ArrayList<>();
    out.addAll(Wrap.lines(m.get("explain.layers.title", r.image(), shortDigest(r.imageId()),
        String.valueOf(r.layers().size())), "", "  ", width));
    out.add("");
    for (int i = r.layers().size() - 1; i >= 0; i--) {
      LayerReport.Layer l = r.layers().get(i);
      String corner = i == r.layers().size() - 1 ? "┌" : "├";
      out.addAll(Wrap.lines(corner + "─ " + m.get("explain.layers.layer", String.valueOf(i + 1)) + " ─ "
          + shortDigest(l.diffId()) + " ─ " + Human.size(l.size()) + " ─ " + m.get("explain.layers.changes",
          String.valueOf(l.added()), String.valueOf(l.changed()), String.valueOf(l.deleted())), "", "│    ", width));
      out.addAll(fit(Wrap.lines(l.createdBy(), "│  ", "│    ", width), width));
      out.add("│  " + shortPath(l.dir(), width - 3)); // a long path is shortened in its middle on purpose
      if (!l.sharedWith().isEmpty()) {
        out.addAll(Wrap.lines(m.get("explain.layers.shared", String.join(", ", l.sharedWith().stream()
            .map(sh -> sh.container() ? m.get("explain.layers.container", sh.name()) : sh.name()).toList())),
            "│  ", "│    ", width));
      }
    }
    out.addAll(Wrap.lines(m.get("explain.layers.bottom"), "└─ ", "   ", width));
    out.add("");
    int uses = r.layers().stream().mapToInt(l -> l.sharedWith().size()).sum();
    out.addAll(Wrap.lines(m.get("explain.layers.sharing", Human.size(r.sharedBytes()), String.valueOf(uses)), "", "  ",
        width));
    for (int i = 0; i < r.layers().size(); i++) {
      LayerReport.Layer l = r.layers().get(i);
      if (!l.sharedWith().isEmpty()) {
        out.addAll(Wrap.lines(m.get("explain.layers.sharing-layer", String.valueOf(i + 1), Human.size(l.size()),
            String.valueOf(l.sharedWith().size()), Human.size(l.size() * l.sharedWith().size())), "  ", "    ", width));
      }
    }
    out.addAll(Wrap.lines(m.get("explain.layers.wasted", Human.size(r.wastedBytes())), "", "  ", width));
    for (LayerReport.Waste w : r.wasted().subList(0, Math.min(5, r.wasted().size()))) {
      out.addAll(fit(Wrap.lines(Human.size(w.bytes()) + "  " + w.path() + "  ← " + w.hiddenBy(), "  ", "      ", width),
          width));
    }
    return out;
  }

  /**
   * {@code explain mount}: the union mount as a diagram, then the volumes and bind mounts ({@code -v})
   * mounted beside it. Every 64-digit id in a path is shown by its first 12 digits, as Docker shortens
   * ids, so one id reads the same on every line.
   */
  public static List<String> mount(MountReport r, List<Container.MountPoint> mounts, Messages m) {
    return mount(r, mounts, m, WIDTH);
  }

  /** {@code explain mount} for a terminal {@code width} columns wide. */
  public static List<String> mount(MountReport r, List<Container.MountPoint> mounts, Messages m, int width) {
    List<String> out = new ArrayList<>();
    if (r.copy() != null) {
      out.addAll(copy(r, m, width));
      volumes(out, mounts, m, width);
      return out;
    }
    out.addAll(Wrap.block(m.get(r.mounted() ? "explain.mount.title" : "explain.mount.title-not-mounted",
        r.container()), width));
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.mount.merged"), "  ", "    ", width));
    out.add("    " + shortIds(r.merged(), width - 4));
    out.addAll(Wrap.lines("▲  mount -t overlay overlay -o lowerdir=…,upperdir=…,workdir=… merged", "        ",
        "           ", width)); // the "…" stand for the paths listed here, on purpose
    out.addAll(Wrap.lines(m.get("explain.mount.upper"), "  ", "    ", width));
    out.add("    " + shortIds(r.upper(), width - 4));
    out.addAll(Wrap.lines(m.get("explain.mount.lower", String.valueOf(r.lowers().size())), "  ", "    ", width));
    for (MountReport.Lower l : r.lowers()) {
      out.addAll(fit(Wrap.lines(l.layer().equals(MountReport.INIT) ? m.get("explain.mount.init") : l.createdBy(),
          "    " + (l.layer().equals(MountReport.INIT) ? "init        " : shortDigest(l.layer())) + "  ",
          " ".repeat(18), width), width));
    }
    out.addAll(Wrap.lines(m.get("explain.mount.work"), "  ", "    ", width));
    out.add("    " + shortIds(r.work(), width - 4));
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.mount.options"), "", "  ", width));
    for (String opt : r.options().split(",")) {
      int eq = opt.indexOf('=');
      if (opt.length() <= width - 2 || eq < 0) {
        out.add("  " + opt);
      } else if (opt.startsWith("lowerdir=")) {
        out.addAll(Wrap.lines(m.get("explain.mount.paths", String.valueOf(opt.split(":").length)), "  lowerdir=",
            "    ", width));
      } else { // a long path is shortened on purpose: its ids to 12 digits, then in its middle
        out.add("  " + opt.substring(0, eq + 1) + shortIds(Path.of(opt.substring(eq + 1)), width - 3 - eq));
      }
    }
    out.add("");
    out.addAll(Wrap.block(m.get("explain.mount.rule"), width));
    volumes(out, mounts, m, width);
    return out;
  }

  /** Under vfs: the full copy that is the container's root, its disk use, and what overlay2 would use. */
  private static List<String> copy(MountReport r, Messages m, int width) {
    MountReport.Copy c = r.copy();
    List<String> out = new ArrayList<>();
    out.addAll(Wrap.lines(m.get("explain.mount.vfs.title", r.container(), String.valueOf(r.lowers().size())), "",
        width));
    out.add("    " + shortIds(c.rootfs(), width - 4));
    out.addAll(Wrap.lines(c.bytes() == 0 ? m.get("explain.mount.vfs.not-yet")
        : m.get("explain.mount.vfs.bytes", Human.size(c.bytes())), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.mount.vfs.layers", String.valueOf(r.lowers().size())), "  ", "    ",
        width));
    for (MountReport.Lower l : r.lowers()) {
      out.addAll(fit(Wrap.lines(l.createdBy(), "    " + shortDigest(l.layer()) + "  ", " ".repeat(18), width),
          width));
    }
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.mount.vfs.overlay2", Human.size(c.layerBytes()),
        Human.size(c.bytes() == 0 ? c.layerBytes() : c.bytes())), "", width));
    return out;
  }

  /** The volumes and bind mounts, each with its source, or that there are none. */
  private static void volumes(List<String> out, List<Container.MountPoint> mounts, Messages m, int width) {
    out.add("");
    if (mounts.isEmpty()) {
      out.addAll(Wrap.lines(m.get("explain.mount.no-volumes"), "", width));
      return;
    }
    out.addAll(Wrap.lines(m.get("explain.mount.volumes"), "", width));
    for (Container.MountPoint p : mounts) {
      String what = p.type().equals("bind") ? m.get("explain.mount.bind")
          : p.anonymous() ? m.get("explain.mount.anonymous") : m.get("explain.mount.volume", p.name());
      out.addAll(fit(Wrap.lines(p.destination() + (p.readOnly() ? " (ro)" : "") + "  " + what, "  ", "      ", width),
          width));
      out.add("    " + shortIds(Path.of(p.source()), width - 4));
    }
    out.addAll(Wrap.lines(m.get("explain.mount.bypass"), "", width));
  }

  private static final Pattern LONG_ID = Pattern.compile("\\b([0-9a-f]{12})[0-9a-f]{52}\\b");

  /** A path with each 64-digit id cut to its first 12 digits, then within {@code max} columns. */
  static String shortIds(Path p, int max) {
    return shortPath(Path.of(LONG_ID.matcher(p.toString()).replaceAll("$1…")), max);
  }

  /**
   * Wrapped lines cut to {@code width}: only a single word wider than the line (a path, a mount line,
   * a command's argument) is shortened, on purpose, since {@link Wrap} gives such a word a line of its own.
   */
  static List<String> fit(List<String> lines, int width) {
    return lines.stream().map(l -> Text.ellipsis(l, width)).toList();
  }

  /** {@code explain last} at 80 columns with no container names: see {@link TraceView}. */
  public static List<String> trace(String line, List<EngineEvent> events, Messages m) {
    return TraceView.lines(line, events, Map.of(), m, WIDTH);
  }

  /** {@code explain name}: a reference split into its parts, with the normalisation applied. */
  public static List<String> name(String typed, ImageReference ref, Messages m) {
    return name(typed, ref, m, WIDTH);
  }

  /** {@code explain name} for a terminal {@code width} columns wide. */
  public static List<String> name(String typed, ImageReference ref, Messages m, int width) {
    List<String> out = new ArrayList<>();
    ImageReference full = ref.withDefaultTag();
    out.addAll(Wrap.lines(m.get("explain.name.title", typed, full.toString()), "", "  ", width));
    out.add("");
    out.addAll(row(m.get("explain.name.registry"), full.domain()
        + (typed.startsWith(full.domain()) ? "" : "  " + m.get("explain.name.default-registry")), width));
    out.addAll(row(m.get("explain.name.namespace"), (full.namespace() == null ? "-" : full.namespace())
        + ("library".equals(full.namespace()) && !typed.contains("library/") ? "  " + m.get("explain.name.library") : ""),
        width));
    out.addAll(row(m.get("explain.name.repository"), full.repository(), width));
    out.addAll(row(m.get("explain.name.tag"), (full.tag() == null ? "-" : full.tag())
        + (ref.tag() == null && ref.digest() == null ? "  " + m.get("explain.name.default-tag") : ""), width));
    out.addAll(row(m.get("explain.name.digest"), full.digest() == null ? "-" : full.digest().toString(), width));
    return out;
  }

  /** A labelled row of {@code explain name}: the label in its 14 columns, the value wrapped beside it. */
  private static List<String> row(String label, String value, int width) {
    return fit(Wrap.lines(value, "  " + pad(label), " ".repeat(16), width), width);
  }

  /**
   * {@code explain name REF} with where a pull goes: each place in order, {@code mirror} marking
   * daemon.json's registry-mirrors (docklab's hub by default); and where a push (and a login with no
   * server) goes: {@code hub} when docklab's hub plays Docker Hub, else the image's own registry.
   */
  public static List<String> name(String typed, ImageReference ref, List<String[]> pullFrom, String[] pushTo,
      Messages m) {
    return name(typed, ref, pullFrom, pushTo, m, WIDTH);
  }

  /** {@code explain name REF} with where a pull and a push go, for a terminal {@code width} columns wide. */
  public static List<String> name(String typed, ImageReference ref, List<String[]> pullFrom, String[] pushTo,
      Messages m, int width) {
    List<String> out = name(typed, ref, m, width);
    for (int i = 0; i < pullFrom.size(); i++) {
      String[] p = pullFrom.get(i);
      String note = p[1].equals("mirror") ? m.get("explain.name.mirror") : m.get("explain.name.own");
      // an address wider than the line is shortened in its middle, on purpose
      out.add("  " + pad(i == 0 ? m.get("explain.name.pull-from") : "") + (i + 1) + ". " + shortMiddle(p[0], width - 19));
      out.addAll(Wrap.lines(note, " ".repeat(19), width));
    }
    out.addAll(row(m.get("explain.name.push-to"), shortMiddle(pushTo[0], width - 16), width));
    out.addAll(Wrap.lines(pushTo[1].equals("hub") ? m.get("explain.name.push-hub") : m.get("explain.name.own"),
        " ".repeat(16), width));
    return out;
  }

  private static String shortMiddle(String s, int max) {
    return s.length() <= max ? s : shortPath(Path.of(s), max);
  }

  private static String pad(String label) {
    return label + " ".repeat(Math.max(1, 14 - Text.width(label)));
  }

  /** {@code explain file}: the layers from the top, and which one the container sees. */
  public static List<String> file(FileReport r, Messages m) {
    return file(r, m, WIDTH);
  }

  /** {@code explain file} for a terminal {@code width} columns wide. */
  public static List<String> file(FileReport r, Messages m, int width) {
    List<String> out = new ArrayList<>();
    var winner = r.winner();
    var hidden = r.hidden();
    FileReport.Entry hider = hidden == null ? null
        : r.layers().stream().filter(e -> e.layer().equals(hidden.layer())).findFirst().orElse(null);
    if (hidden != null) {
      out.add(m.get("explain.file.hidden", r.path(), r.container()));
      out.addAll(Wrap.lines(m.get("explain.file.hidden." + hidden.kind(), hidden.parent(),
          hider == null ? hidden.layer() : layerName(hider, m)), "  ", width));
    } else {
      String title = winner == null ? m.get("explain.file.none", r.path(), r.container())
          : m.get(winner.kind().equals("WHITEOUT") ? "explain.file.deleted" : "explain.file.title", r.path(),
              r.container(), layerName(winner, m));
      out.addAll(Wrap.block(title, width));
    }
    out.add("");
    boolean decided = false;
    for (var e : r.layers()) {
      String createdBy = switch (e.source()) {
        case CONTAINER -> m.get("explain.file.container-wrote");
        case INIT -> m.get("explain.file.init");
        case IMAGE -> e.createdBy();
      };
      if (hidden != null && !decided && e == hider) {
        out.addAll(fit(Wrap.lines(m.get("explain.file.parent." + hidden.kind(), hidden.parent()),
            "▶  " + pad(layerName(e, m), 28), " ".repeat(31), width), width));
        if (createdBy != null && !createdBy.isEmpty()) {
          out.addAll(fit(Wrap.lines(createdBy, "     ", "       ", width), width));
        }
        decided = true;
        continue;
      }
      String what = switch (e.kind()) {
        case "FILE" -> m.get("explain.file.file", Human.size(e.size()));
        case "DIR" -> m.get("explain.file.dir");
        case "LINK" -> m.get("explain.file.link");
        case "WHITEOUT" -> m.get("explain.file.whiteout", r.path().substring(r.path().lastIndexOf('/') + 1));
        case "OPAQUE" -> m.get("explain.file.opaque");
        default -> "-";
      };
      String mark = e.kind().equals("NONE") ? "   " : !decided ? "▶  " : "·  ";
      if (!e.kind().equals("NONE")) {
        decided = true;
      }
      out.addAll(fit(Wrap.lines(what, mark + pad(layerName(e, m), 28), " ".repeat(31), width), width));
      if (createdBy != null && !createdBy.isEmpty()) {
        out.addAll(fit(Wrap.lines(createdBy, "     ", "       ", width), width));
      }
    }
    return out;
  }

  private static String layerName(FileReport.Entry e, Messages m) {
    return e.source() == FileReport.Source.CONTAINER ? m.get("explain.file.container-layer") : e.layer();
  }

  /** PID 1's command line when {@code --init} put docker-init (tini) before the command. */
  private static final String INIT_PREFIX = "/sbin/docker-init -- ";

  /** {@code explain boot}: a Linux boot beside a container start, with live facts. */
  public static List<String> boot(BootFacts f, Messages m) {
    return boot(f, m, WIDTH);
  }

  /**
   * {@code explain boot} for a terminal {@code width} columns wide; a line of the side-by-side diagram
   * too wide for it wraps under its own indent.
   */
  public static List<String> boot(BootFacts f, Messages m, int width) {
    List<String> out = new ArrayList<>(Wrap.block(m.get("explain.boot.diagram"), width));
    out.add("");
    out.addAll(Wrap.lines(m.get(f.throwaway() ? "explain.boot.facts-throwaway" : "explain.boot.facts",
        f.container()), "", "  ", width));
    out.addAll(Wrap.lines(m.get("explain.boot.kernel", f.hostKernel(), f.containerKernel(),
        f.hostKernel().equals(f.containerKernel()) ? m.get("explain.boot.same") : m.get("explain.boot.different")),
        "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.boot.no-kernel", String.valueOf(f.imageKernels())), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.boot.pid1", f.pid1Command(), String.valueOf(f.hostPid())), "  ", "    ",
        width));
    if (f.pid1Command().startsWith(INIT_PREFIX)) {
      out.addAll(Wrap.lines(m.get("explain.boot.init", f.pid1Command().substring(INIT_PREFIX.length())), "  ",
          "    ", width));
    }
    out.addAll(Wrap.lines(m.get("explain.boot.mounts", String.valueOf(f.mounts())), "  ", "    ", width));
    out.addAll(TraceView.artifact(f.rootMount(), "    ", width)); // its mountinfo line, broken after , and before /
    if (f.confinement() != null) {
      confinement(f.confinement(), m, width - 2).forEach(l -> out.add("  " + l));
    }
    return out;
  }

  /** Its seccomp filter (read live from /proc/1/status) and AppArmor profile, or why it has none. */
  static List<String> confinement(Confinement c, Messages m, int width) {
    List<String> out = new ArrayList<>();
    out.addAll(fit(Wrap.block(c.seccompMode() == 2
        ? m.get("explain.boot.seccomp", String.valueOf(c.syscalls()), c.defaultAction(), c.profile())
        : m.get("explain.boot.seccomp-none", String.valueOf(c.seccompMode())), width), width));
    out.addAll(Wrap.block(!c.appArmorAvailable() ? m.get("explain.boot.apparmor-unavailable")
        : c.appArmorProfile() == null ? m.get("explain.boot.apparmor-none")
        : m.get("explain.boot.apparmor", c.appArmorProfile()), width));
    return out;
  }

  /** {@code explain network CONTAINER}: its namespace, the wire to the host, the rules that publish its ports. */
  public static List<String> network(NetworkFacts f, Messages m) {
    return network(f, m, WIDTH);
  }

  /** {@code explain network CONTAINER} for a terminal {@code width} columns wide. */
  public static List<String> network(NetworkFacts f, Messages m, int width) {
    List<String> out = new ArrayList<>();
    if (f.mode().equals("host")) {
      out.addAll(Wrap.block(m.get("explain.network.title-host", f.container()), width));
      return out;
    }
    boolean joined = f.mode().startsWith("container:");
    out.addAll(Wrap.lines(joined ? m.get("explain.network.title-joined", f.container())
        : m.get("explain.network.title", f.container(), f.mode()), "", "  ", width));
    String[] labels = {m.get("explain.network.namespace"), m.get("explain.network.inside"), m.get("explain.network.routes"), m.get("explain.network.wire"),
        m.get("explain.network.published"), m.get("explain.network.rule")};
    int w = 0;
    for (String l : labels) {
      w = Math.max(w, Text.width(l) + 1);
    }
    labelled(out, labels[0], List.of(f.namespace()), w, width);
    labelled(out, labels[1], f.interfaces(), w, width);
    labelled(out, labels[2], f.routes().stream().map(String::strip).toList(), w, width);
    if (f.mode().equals("none")) {
      out.addAll(Wrap.lines(m.get("explain.network.none"), "", "  ", width));
      return out;
    }
    if (joined) {
      out.addAll(Wrap.block(m.get("explain.network.joined", f.mode().substring(10, Math.min(f.mode().length(), 22))),
          width));
      return out;
    }
    labelled(out, labels[3], List.of(m.get("explain.network.wire-line", f.hostVeth(), f.bridge(), f.bridgeAddress())
        .split("\n")), w, width);
    String ip = f.interfaces().stream().filter(i -> i.startsWith("eth0 ")).map(i -> i.substring(5, i.indexOf('/')))
        .findFirst().orElse("");
    if (f.ports().isEmpty()) {
      out.addAll(Wrap.block(m.get("explain.network.no-ports", ip), width));
    } else {
      labelled(out, labels[4], f.ports(), w, width);
      labelled(out, labels[5], f.natRules().stream().map(ExplainViews::shortRule).toList(), w, width);
      String first = f.ports().get(0);
      String hostPort = first.substring(first.lastIndexOf(':', first.indexOf("->")) + 1, first.indexOf("->"));
      String ctr = first.substring(first.indexOf("->") + 2, first.indexOf('/', first.indexOf("->")));
      out.addAll(Wrap.block(m.get("explain.network.how", hostPort, ip + ":" + ctr, f.bridge()), width));
      out.addAll(Wrap.block(m.get("explain.network.localnet", hostPort, f.bridge()), width));
    }
    out.addAll(Wrap.lines(m.get("explain.network.try"), "", "  ", width));
    if (f.namespace().startsWith("/run/netns/")) {
      out.add("  ip netns exec " + f.namespace().substring(11) + " ip addr");
    }
    out.add("  ip link show master " + f.bridge());
    out.add("  iptables -t nat -S | grep " + ip);
    if (!f.ports().isEmpty()) {
      out.add("  iptables -S INPUT | grep " + f.bridge());
    }
    return out;
  }

  /** An iptables-save DNAT rule, shortened to what it does: {@code -p tcp --dport 8080 -j DNAT --to-destination IP:80}. */
  static String shortRule(String rule) {
    Matcher proto = Pattern.compile("-p (\\w+)").matcher(rule);
    Matcher port = Pattern.compile("--dport (\\d+)").matcher(rule);
    Matcher to = Pattern.compile("--to-destination (\\S+)").matcher(rule);
    if (!(proto.find() && port.find() && to.find())) {
      return rule;
    }
    return "-p " + proto.group(1) + " --dport " + port.group(1) + " -j DNAT --to-destination " + to.group(1);
  }

  private static void labelled(List<String> out, String label, List<String> values, int column, int width) {
    for (int i = 0; i < values.size(); i++) {
      out.addAll(fit(Wrap.lines(values.get(i), "  " + pad(i == 0 ? label : "", column), " ".repeat(column + 4),
          width), width));
    }
  }

  /**
   * {@code explain arch}: the client and the engine in this process, the monitors, the kernel, and
   * beside the engine docklab's hub: its address, whether it runs ({@code here}, {@code elsewhere} or
   * {@code on-demand}) and how pulls reach it (a mirror, {@code hubIsMirror}, or by its address).
   */
  public static List<String> arch(long pid, long running, String runtime, String kernel, String hub, String hubState,
      List<String> mirrors, boolean hubIsMirror, Messages m) {
    return arch(pid, running, runtime, kernel, hub, hubState, mirrors, hubIsMirror, m, WIDTH);
  }

  /** {@code explain arch} for a terminal {@code width} columns wide; a diagram line too wide wraps under its indent. */
  public static List<String> arch(long pid, long running, String runtime, String kernel, String hub, String hubState,
      List<String> mirrors, boolean hubIsMirror, Messages m, int width) {
    List<String> out = new ArrayList<>(Wrap.block(m.get("explain.arch.diagram", String.valueOf(pid),
        String.valueOf(running), runtime, kernel), width));
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.arch.registry"), "", width));
    out.addAll(Wrap.lines(m.get("explain.arch.hub", hub), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.arch.hub." + hubState), "    ", width));
    String pulls = hubIsMirror ? m.get("explain.arch.mirror.hub")
        : mirrors.isEmpty() ? m.get("explain.arch.mirror.none", hub)
        : m.get("explain.arch.mirror.other", String.join(", ", mirrors), hub);
    out.addAll(Wrap.lines(pulls, "", width));
    return out;
  }

  /** {@code explain vm}: the two stacks, the two reasons, and numbers measured now. */
  public static List<String> vm(long startMillis, long containerPssKb, long monitorPssKb, String command, int reads,
      int processes, String kernel, Messages m) {
    return vm(startMillis, containerPssKb, monitorPssKb, command, reads, processes, kernel, m, WIDTH);
  }

  /** {@code explain vm} for a terminal {@code width} columns wide; a diagram line too wide wraps under its indent. */
  public static List<String> vm(long startMillis, long containerPssKb, long monitorPssKb, String command, int reads,
      int processes, String kernel, Messages m, int width) {
    List<String> out = new ArrayList<>(Wrap.block(m.get("explain.vm.diagram"), width));
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.vm.measured"), "", "  ", width));
    out.addAll(Wrap.lines(m.get("explain.vm.start", String.valueOf(startMillis)), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.vm.memory", String.valueOf(containerPssKb), String.valueOf(monitorPssKb),
        command), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.vm.memory-how", command, String.valueOf(reads)), "    ", width));
    out.addAll(Wrap.lines(m.get("explain.vm.processes", String.valueOf(processes)), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.vm.kernel", kernel), "  ", "    ", width));
    out.add("");
    out.addAll(Wrap.block(m.get("explain.vm.not-measured"), width));
    return out;
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(1, w - Text.width(s)));
  }

  /** One copy-on-write fact, as the watch prints it, wrapped to {@code width} columns under {@code first}. */
  public static List<String> cowLines(CowEvent e, String first, Messages m, int width) {
    String name = e.path().substring(e.path().lastIndexOf('/') + 1);
    String dir = e.path().substring(0, e.path().lastIndexOf('/') + 1);
    String fact = switch (e.kind()) {
      case "COPY_UP" -> m.get("explain.cow.copy-up", e.path(), Human.size(e.bytes()), e.fromLayer());
      case "NEW" -> m.get("explain.cow.new", e.path(), Human.size(e.bytes()));
      case "DELETE" -> m.get("explain.cow.delete", e.path(), dir + ".wh." + name);
      default -> m.get("explain.cow.opaque", e.path());
    };
    return fit(Wrap.lines(fact, first, " ".repeat(Text.width(first) + 2), width), width);
  }
}
