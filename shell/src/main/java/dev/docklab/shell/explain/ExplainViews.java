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

/** The explain views: pure functions from the engine's reports to lines for an 80-column terminal. */
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
    out.add(m.get("explain.layers.title", r.image(), shortDigest(r.imageId()), String.valueOf(r.layers().size())));
    out.add("");
    for (int i = r.layers().size() - 1; i >= 0; i--) {
      LayerReport.Layer l = r.layers().get(i);
      String corner = i == r.layers().size() - 1 ? "┌" : "├";
      out.add(Text.ellipsis(corner + "─ " + m.get("explain.layers.layer", String.valueOf(i + 1)) + " ─ "
          + shortDigest(l.diffId()) + " ─ " + Human.size(l.size()) + " ─ " + m.get("explain.layers.changes",
          String.valueOf(l.added()), String.valueOf(l.changed()), String.valueOf(l.deleted())), WIDTH));
      out.add(Text.ellipsis("│  " + l.createdBy(), WIDTH));
      out.add("│  " + shortPath(l.dir(), WIDTH - 3));
      if (!l.sharedWith().isEmpty()) {
        out.addAll(Wrap.lines(m.get("explain.layers.shared", String.join(", ", l.sharedWith().stream()
            .map(sh -> sh.container() ? m.get("explain.layers.container", sh.name()) : sh.name()).toList())),
            "│  ", "│    ", width));
      }
    }
    out.add("└─ " + m.get("explain.layers.bottom"));
    out.add("");
    int uses = r.layers().stream().mapToInt(l -> l.sharedWith().size()).sum();
    out.addAll(Wrap.lines(m.get("explain.layers.sharing", Human.size(r.sharedBytes()), String.valueOf(uses)), "", "  ",
        width));
    for (int i = 0; i < r.layers().size(); i++) {
      LayerReport.Layer l = r.layers().get(i);
      if (!l.sharedWith().isEmpty()) {
        out.add("  " + m.get("explain.layers.sharing-layer", String.valueOf(i + 1), Human.size(l.size()),
            String.valueOf(l.sharedWith().size()), Human.size(l.size() * l.sharedWith().size())));
      }
    }
    out.add(m.get("explain.layers.wasted", Human.size(r.wastedBytes())));
    for (LayerReport.Waste w : r.wasted().subList(0, Math.min(5, r.wasted().size()))) {
      out.add(Text.ellipsis("  " + Human.size(w.bytes()) + "  " + w.path() + "  ← " + w.hiddenBy(), WIDTH));
    }
    return out;
  }

  /**
   * {@code explain mount}: the union mount as a diagram, then the volumes and bind mounts ({@code -v})
   * mounted beside it. Every 64-digit id in a path is shown by its first 12 digits, as Docker shortens
   * ids, so one id reads the same on every line.
   */
  public static List<String> mount(MountReport r, List<Container.MountPoint> mounts, Messages m) {
    List<String> out = new ArrayList<>();
    if (r.copy() != null) {
      out.addAll(copy(r, m));
      volumes(out, mounts, m);
      return out;
    }
    out.addAll(List.of(m.get(r.mounted() ? "explain.mount.title" : "explain.mount.title-not-mounted", r.container())
        .split("\n")));
    out.add("");
    out.add("  " + m.get("explain.mount.merged"));
    out.add("    " + shortIds(r.merged(), WIDTH - 4));
    out.add("        ▲  mount -t overlay overlay -o lowerdir=…,upperdir=…,workdir=… merged");
    out.add("  " + m.get("explain.mount.upper"));
    out.add("    " + shortIds(r.upper(), WIDTH - 4));
    out.add("  " + m.get("explain.mount.lower", String.valueOf(r.lowers().size())));
    for (MountReport.Lower l : r.lowers()) {
      out.add(Text.ellipsis("    " + (l.layer().equals(MountReport.INIT) ? "init        " : shortDigest(l.layer())) + "  "
          + (l.layer().equals(MountReport.INIT) ? m.get("explain.mount.init") : l.createdBy()), WIDTH));
    }
    out.add("  " + m.get("explain.mount.work"));
    out.add("    " + shortIds(r.work(), WIDTH - 4));
    out.add("");
    out.add(m.get("explain.mount.options"));
    for (String opt : r.options().split(",")) {
      int eq = opt.indexOf('=');
      if (opt.length() <= WIDTH - 2 || eq < 0) {
        out.add("  " + opt);
      } else if (opt.startsWith("lowerdir=")) {
        out.add("  lowerdir=" + m.get("explain.mount.paths", String.valueOf(opt.split(":").length)));
      } else {
        out.add("  " + opt.substring(0, eq + 1) + shortIds(Path.of(opt.substring(eq + 1)), WIDTH - 3 - eq));
      }
    }
    out.add("");
    out.addAll(List.of(m.get("explain.mount.rule").split("\n")));
    volumes(out, mounts, m);
    return out;
  }

  /** Under vfs: the full copy that is the container's root, its disk use, and what overlay2 would use. */
  private static List<String> copy(MountReport r, Messages m) {
    MountReport.Copy c = r.copy();
    List<String> out = new ArrayList<>();
    out.addAll(Wrap.lines(m.get("explain.mount.vfs.title", r.container(), String.valueOf(r.lowers().size())), "",
        WIDTH));
    out.add("    " + shortIds(c.rootfs(), WIDTH - 4));
    out.addAll(Wrap.lines(c.bytes() == 0 ? m.get("explain.mount.vfs.not-yet")
        : m.get("explain.mount.vfs.bytes", Human.size(c.bytes())), "  ", "    ", WIDTH));
    out.add("  " + m.get("explain.mount.vfs.layers", String.valueOf(r.lowers().size())));
    for (MountReport.Lower l : r.lowers()) {
      out.add(Text.ellipsis("    " + shortDigest(l.layer()) + "  " + l.createdBy(), WIDTH));
    }
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.mount.vfs.overlay2", Human.size(c.layerBytes()),
        Human.size(c.bytes() == 0 ? c.layerBytes() : c.bytes())), "", WIDTH));
    return out;
  }

  /** The volumes and bind mounts, each with its source, or that there are none. */
  private static void volumes(List<String> out, List<Container.MountPoint> mounts, Messages m) {
    out.add("");
    if (mounts.isEmpty()) {
      out.addAll(Wrap.lines(m.get("explain.mount.no-volumes"), "", WIDTH));
      return;
    }
    out.addAll(Wrap.lines(m.get("explain.mount.volumes"), "", WIDTH));
    for (Container.MountPoint p : mounts) {
      String what = p.type().equals("bind") ? m.get("explain.mount.bind")
          : p.anonymous() ? m.get("explain.mount.anonymous") : m.get("explain.mount.volume", p.name());
      out.add(Text.ellipsis("  " + p.destination() + (p.readOnly() ? " (ro)" : "") + "  " + what, WIDTH));
      out.add("    " + shortIds(Path.of(p.source()), WIDTH - 4));
    }
    out.addAll(Wrap.lines(m.get("explain.mount.bypass"), "", WIDTH));
  }

  private static final Pattern LONG_ID = Pattern.compile("\\b([0-9a-f]{12})[0-9a-f]{52}\\b");

  /** A path with each 64-digit id cut to its first 12 digits, then within {@code max} columns. */
  static String shortIds(Path p, int max) {
    return shortPath(Path.of(LONG_ID.matcher(p.toString()).replaceAll("$1…")), max);
  }

  /** {@code explain last} at 80 columns with no container names: see {@link TraceView}. */
  public static List<String> trace(String line, List<EngineEvent> events, Messages m) {
    return TraceView.lines(line, events, Map.of(), m, WIDTH);
  }

  /** {@code explain name}: a reference split into its parts, with the normalisation applied. */
  public static List<String> name(String typed, ImageReference ref, Messages m) {
    List<String> out = new ArrayList<>();
    ImageReference full = ref.withDefaultTag();
    out.add(m.get("explain.name.title", typed, full.toString()));
    out.add("");
    out.add("  " + pad(m.get("explain.name.registry")) + full.domain()
        + (typed.startsWith(full.domain()) ? "" : "  " + m.get("explain.name.default-registry")));
    out.add("  " + pad(m.get("explain.name.namespace")) + (full.namespace() == null ? "-" : full.namespace())
        + ("library".equals(full.namespace()) && !typed.contains("library/") ? "  " + m.get("explain.name.library") : ""));
    out.add("  " + pad(m.get("explain.name.repository")) + full.repository());
    out.add("  " + pad(m.get("explain.name.tag")) + (full.tag() == null ? "-" : full.tag())
        + (ref.tag() == null && ref.digest() == null ? "  " + m.get("explain.name.default-tag") : ""));
    out.add("  " + pad(m.get("explain.name.digest")) + (full.digest() == null ? "-" : full.digest().toString()));
    return out;
  }

  /**
   * {@code explain name REF} with where a pull goes: each place in order, {@code mirror} marking
   * daemon.json's registry-mirrors (docklab's hub by default); and where a push (and a login with no
   * server) goes: {@code hub} when docklab's hub plays Docker Hub, else the image's own registry.
   */
  public static List<String> name(String typed, ImageReference ref, List<String[]> pullFrom, String[] pushTo,
      Messages m) {
    List<String> out = name(typed, ref, m);
    for (int i = 0; i < pullFrom.size(); i++) {
      String[] p = pullFrom.get(i);
      String note = p[1].equals("mirror") ? m.get("explain.name.mirror") : m.get("explain.name.own");
      out.add(Text.ellipsis("  " + pad(i == 0 ? m.get("explain.name.pull-from") : "") + (i + 1) + ". " + p[0], WIDTH));
      out.add(Text.ellipsis("  " + pad("") + "   " + note, WIDTH));
    }
    out.add(Text.ellipsis("  " + pad(m.get("explain.name.push-to")) + pushTo[0], WIDTH));
    out.add(Text.ellipsis("  " + pad("") + (pushTo[1].equals("hub") ? m.get("explain.name.push-hub")
        : m.get("explain.name.own")), WIDTH));
    return out;
  }

  private static String pad(String label) {
    return label + " ".repeat(Math.max(1, 14 - Text.width(label)));
  }

  /** {@code explain file}: the layers from the top, and which one the container sees. */
  public static List<String> file(FileReport r, Messages m) {
    List<String> out = new ArrayList<>();
    var winner = r.winner();
    var hidden = r.hidden();
    FileReport.Entry hider = hidden == null ? null
        : r.layers().stream().filter(e -> e.layer().equals(hidden.layer())).findFirst().orElse(null);
    if (hidden != null) {
      out.add(m.get("explain.file.hidden", r.path(), r.container()));
      out.addAll(Wrap.lines(m.get("explain.file.hidden." + hidden.kind(), hidden.parent(),
          hider == null ? hidden.layer() : layerName(hider, m)), "  ", WIDTH));
    } else {
      String title = winner == null ? m.get("explain.file.none", r.path(), r.container())
          : m.get(winner.kind().equals("WHITEOUT") ? "explain.file.deleted" : "explain.file.title", r.path(),
              r.container(), layerName(winner, m));
      out.addAll(List.of(title.split("\n")));
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
        out.add(Text.ellipsis("▶  " + pad(layerName(e, m), 28)
            + m.get("explain.file.parent." + hidden.kind(), hidden.parent()), WIDTH));
        if (createdBy != null && !createdBy.isEmpty()) {
          out.add(Text.ellipsis("     " + createdBy, WIDTH));
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
      out.add(Text.ellipsis(mark + pad(layerName(e, m), 28) + what, WIDTH));
      if (createdBy != null && !createdBy.isEmpty()) {
        out.add(Text.ellipsis("     " + createdBy, WIDTH));
      }
    }
    return out;
  }

  private static String layerName(FileReport.Entry e, Messages m) {
    return e.source() == FileReport.Source.CONTAINER ? m.get("explain.file.container-layer") : e.layer();
  }

  /** {@code explain boot}: a Linux boot beside a container start, with live facts. */
  public static List<String> boot(BootFacts f, Messages m) {
    List<String> out = new ArrayList<>(List.of(m.get("explain.boot.diagram").split("\n")));
    out.add("");
    out.add(m.get(f.throwaway() ? "explain.boot.facts-throwaway" : "explain.boot.facts", f.container()));
    out.add("  " + m.get("explain.boot.kernel", f.hostKernel(), f.containerKernel(),
        f.hostKernel().equals(f.containerKernel()) ? m.get("explain.boot.same") : m.get("explain.boot.different")));
    out.add("  " + m.get("explain.boot.no-kernel", String.valueOf(f.imageKernels())));
    out.add("  " + m.get("explain.boot.pid1", f.pid1Command(), String.valueOf(f.hostPid())));
    out.add("  " + m.get("explain.boot.mounts", String.valueOf(f.mounts())));
    out.add(Text.ellipsis("    " + f.rootMount(), WIDTH));
    if (f.confinement() != null) {
      confinement(f.confinement(), m).forEach(l -> out.add("  " + l));
    }
    return out;
  }

  /** Its seccomp filter (read live from /proc/1/status) and AppArmor profile, or why it has none. */
  static List<String> confinement(Confinement c, Messages m) {
    List<String> out = new ArrayList<>();
    out.addAll(List.of((c.seccompMode() == 2
        ? m.get("explain.boot.seccomp", String.valueOf(c.syscalls()), c.defaultAction(), c.profile())
        : m.get("explain.boot.seccomp-none", String.valueOf(c.seccompMode()))).split("\n")));
    out.addAll(List.of((!c.appArmorAvailable() ? m.get("explain.boot.apparmor-unavailable")
        : c.appArmorProfile() == null ? m.get("explain.boot.apparmor-none")
        : m.get("explain.boot.apparmor", c.appArmorProfile())).split("\n")));
    return out;
  }

  /** {@code explain network CONTAINER}: its namespace, the wire to the host, the rules that publish its ports. */
  public static List<String> network(NetworkFacts f, Messages m) {
    List<String> out = new ArrayList<>();
    if (f.mode().equals("host")) {
      out.addAll(List.of(m.get("explain.network.title-host", f.container()).split("\n")));
      return out;
    }
    boolean joined = f.mode().startsWith("container:");
    out.add(Text.ellipsis(joined ? m.get("explain.network.title-joined", f.container())
        : m.get("explain.network.title", f.container(), f.mode()), WIDTH));
    String[] labels = {m.get("explain.network.namespace"), m.get("explain.network.inside"), m.get("explain.network.routes"), m.get("explain.network.wire"),
        m.get("explain.network.published"), m.get("explain.network.rule")};
    int w = 0;
    for (String l : labels) {
      w = Math.max(w, Text.width(l) + 1);
    }
    labelled(out, labels[0], List.of(f.namespace()), w);
    labelled(out, labels[1], f.interfaces(), w);
    labelled(out, labels[2], f.routes().stream().map(String::strip).toList(), w);
    if (f.mode().equals("none")) {
      out.add(m.get("explain.network.none"));
      return out;
    }
    if (joined) {
      out.addAll(List.of(m.get("explain.network.joined", f.mode().substring(10, Math.min(f.mode().length(), 22)))
          .split("\n")));
      return out;
    }
    labelled(out, labels[3], List.of(m.get("explain.network.wire-line", f.hostVeth(), f.bridge(), f.bridgeAddress())
        .split("\n")), w);
    String ip = f.interfaces().stream().filter(i -> i.startsWith("eth0 ")).map(i -> i.substring(5, i.indexOf('/')))
        .findFirst().orElse("");
    if (f.ports().isEmpty()) {
      out.addAll(List.of(m.get("explain.network.no-ports", ip).split("\n")));
    } else {
      labelled(out, labels[4], f.ports(), w);
      labelled(out, labels[5], f.natRules().stream().map(ExplainViews::shortRule).toList(), w);
      String first = f.ports().get(0);
      String hostPort = first.substring(first.lastIndexOf(':', first.indexOf("->")) + 1, first.indexOf("->"));
      String ctr = first.substring(first.indexOf("->") + 2, first.indexOf('/', first.indexOf("->")));
      out.addAll(List.of(m.get("explain.network.how", hostPort, ip + ":" + ctr, f.bridge()).split("\n")));
      out.addAll(List.of(m.get("explain.network.localnet", hostPort, f.bridge()).split("\n")));
    }
    out.add(m.get("explain.network.try"));
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

  private static void labelled(List<String> out, String label, List<String> values, int width) {
    for (int i = 0; i < values.size(); i++) {
      out.add(Text.ellipsis("  " + pad(i == 0 ? label : "", width) + values.get(i), WIDTH));
    }
  }

  /**
   * {@code explain arch}: the client and the engine in this process, the monitors, the kernel, and
   * beside the engine docklab's hub: its address, whether it runs ({@code here}, {@code elsewhere} or
   * {@code on-demand}) and how pulls reach it (a mirror, {@code hubIsMirror}, or by its address).
   */
  public static List<String> arch(long pid, long running, String runtime, String kernel, String hub, String hubState,
      List<String> mirrors, boolean hubIsMirror, Messages m) {
    List<String> out = new ArrayList<>(List.of(m.get("explain.arch.diagram", String.valueOf(pid),
        String.valueOf(running), runtime, kernel).split("\n")));
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.arch.registry"), "", WIDTH));
    out.addAll(Wrap.lines(m.get("explain.arch.hub", hub), "  ", "    ", WIDTH));
    out.addAll(Wrap.lines(m.get("explain.arch.hub." + hubState), "    ", WIDTH));
    String pulls = hubIsMirror ? m.get("explain.arch.mirror.hub")
        : mirrors.isEmpty() ? m.get("explain.arch.mirror.none", hub)
        : m.get("explain.arch.mirror.other", String.join(", ", mirrors), hub);
    out.addAll(Wrap.lines(pulls, "", WIDTH));
    return out;
  }

  /** {@code explain vm}: the two stacks, the two reasons, and numbers measured now. */
  public static List<String> vm(long startMillis, long containerPssKb, long monitorPssKb, String command, int reads,
      int processes, String kernel, Messages m) {
    List<String> out = new ArrayList<>(List.of(m.get("explain.vm.diagram").split("\n")));
    out.add("");
    out.add(m.get("explain.vm.measured"));
    out.add("  " + m.get("explain.vm.start", String.valueOf(startMillis)));
    out.addAll(Wrap.lines(m.get("explain.vm.memory", String.valueOf(containerPssKb), String.valueOf(monitorPssKb),
        command), "  ", "    ", WIDTH));
    out.addAll(Wrap.lines(m.get("explain.vm.memory-how", command, String.valueOf(reads)), "    ", WIDTH));
    out.add("  " + m.get("explain.vm.processes", String.valueOf(processes)));
    out.add("  " + m.get("explain.vm.kernel", kernel));
    out.add("");
    out.addAll(List.of(m.get("explain.vm.not-measured").split("\n")));
    return out;
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(1, w - Text.width(s)));
  }

  /** One copy-on-write fact, as the watch prints it. */
  public static String cowLine(CowEvent e, Messages m) {
    String name = e.path().substring(e.path().lastIndexOf('/') + 1);
    String dir = e.path().substring(0, e.path().lastIndexOf('/') + 1);
    return Text.ellipsis("  " + switch (e.kind()) {
      case "COPY_UP" -> m.get("explain.cow.copy-up", e.path(), Human.size(e.bytes()), e.fromLayer());
      case "NEW" -> m.get("explain.cow.new", e.path(), Human.size(e.bytes()));
      case "DELETE" -> m.get("explain.cow.delete", e.path(), dir + ".wh." + name);
      default -> m.get("explain.cow.opaque", e.path());
    }, WIDTH);
  }
}
