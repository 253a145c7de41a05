package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.Confinement;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.FileReport;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.api.MountReport;
import dev.docklab.engine.api.NetworkFacts;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every explain view at 60, 80 and 140 columns in both languages: within the width, its prose wrapped, not cut. */
class ExplainWidthTest {
  private static final String LONG_ID = "sha256:" + "1".repeat(64);
  /** The mount view's drawing stands "…" for the paths it lists below: not a cut. */
  private static final String MOUNT_DRAWING = "lowerdir=…,upperdir=…,workdir=…";

  /** Each view by name, rendered at {@code width} with short ids and paths, so that nothing needs shortening. */
  private static Map<String, List<String>> views(Messages m, int width) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    LayerReport layers = new LayerReport("app", "sha256:" + "a".repeat(64), List.of(
        new LayerReport.Layer(LONG_ID, Path.of("/l/1/diff"), 2_000_000, 290, 0, 0,
            "COPY busybox / and then a long created-by line that goes on past the end of a narrow terminal",
            List.of(new LayerReport.Sharer("busybox:1.35", false), new LayerReport.Sharer("mycat2", true)))),
        2_000_000, 500_000, List.of(new LayerReport.Waste("/etc/big", 500_000, "RUN rm /etc/big")));
    v.put("layers", ExplainViews.layers(layers, m, width));
    List<MountReport.Lower> lowers = List.of(new MountReport.Lower(Path.of("/l/init"), MountReport.INIT, ""),
        new MountReport.Lower(Path.of("/l/1"), LONG_ID, "COPY busybox / with a created-by line long enough to wrap"));
    MountReport mount = new MountReport("web", true, "lowerdir=/l/init:/l/1,upperdir=/c/upper,workdir=/c/work",
        lowers, Path.of("/c/upper"), Path.of("/c/work"), Path.of("/c/merged"));
    List<Container.MountPoint> mounts = List.of(
        new Container.MountPoint("volume", "vol1", "/v/vol1/_data", "/data", false, false),
        new Container.MountPoint("bind", null, "/tmp", "/hosttmp", true, false));
    v.put("mount", ExplainViews.mount(mount, mounts, m, width));
    v.put("mount-none", ExplainViews.mount(new MountReport("web", false, mount.options(), lowers, mount.upper(),
        mount.work(), mount.merged()), List.of(), m, width));
    Path rootfs = Path.of("/c/rootfs");
    v.put("mount-vfs", ExplainViews.mount(new MountReport("v1", false, "", lowers.subList(1, 2), rootfs, rootfs,
        rootfs, new MountReport.Copy(rootfs, 2_150_000, 2_140_000)), mounts, m, width));
    NetworkFacts web = new NetworkFacts("web", "bridge", "/run/netns/docklab-7246e4935ba5",
        List.of("lo 127.0.0.1/8", "eth0 172.17.0.2/16"), List.of("default via 172.17.0.1 dev eth0 "),
        "veth6cf1adb9", "docklab0", "172.17.0.1/16", List.of("0.0.0.0:8080->80/tcp"),
        List.of("-A CNI-DN-013c -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"));
    v.put("network", ExplainViews.network(web, m, width));
    v.put("network-quiet", ExplainViews.network(new NetworkFacts("quiet", "bridge", "/run/netns/docklab-9bdc29a6aca1",
        web.interfaces(), web.routes(), "veth1", "docklab0", "172.17.0.1/16", List.of(), List.of()), m, width));
    v.put("network-none", ExplainViews.network(new NetworkFacts("alone", "none", "/proc/9406/ns/net",
        List.of("lo 127.0.0.1/8"), List.of(), "", "", "", List.of(), List.of()), m, width));
    v.put("network-host", ExplainViews.network(new NetworkFacts("hosty", "host", "", List.of(), List.of(), "", "", "",
        List.of(), List.of()), m, width));
    v.put("network-joined", ExplainViews.network(new NetworkFacts("joined", "container:0123456789abcdef",
        "/proc/1/ns/net", List.of("lo 127.0.0.1/8"), List.of(), "", "", "", List.of(), List.of()), m, width));
    List<FileReport.Entry> entries = List.of(
        new FileReport.Entry("upperdir", "", "WHITEOUT", 0, FileReport.Source.CONTAINER),
        new FileReport.Entry("init", "", "NONE", 0, FileReport.Source.INIT),
        new FileReport.Entry("6988212e4ea9", "COPY busybox / with a created-by line long enough to wrap", "LINK", 0));
    v.put("file", ExplainViews.file(new FileReport("web", "/bin/vi", entries), m, width));
    v.put("file-opaque", ExplainViews.file(new FileReport("c1", "/var/www", List.of(
        new FileReport.Entry("container layer (upperdir)", "what the container wrote", "NONE", 0),
        new FileReport.Entry("6988212e4ea9", "COPY busybox", "DIR", 0)),
        new FileReport.Hidden("container layer (upperdir)", "/var", "OPAQUE")), m, width));
    v.put("last", TraceView.lines("docker run busybox true", List.of(
        new EngineEvent(EventStep.RESOLVE, "busybox", "sha256:abc", Duration.ofMillis(2)),
        new EngineEvent(EventStep.MOUNT, "id", "lowerdir=/a,upperdir=/b", Duration.ofMillis(3))), Map.of(), m, width));
    ImageReference ref = ImageReference.parse("student/hello:v1");
    v.put("name", ExplainViews.name("student/hello:v1", ref, List.of(
        new String[] {"http://127.0.0.1:5000/v2/student/hello/", "mirror"},
        new String[] {"https://r.io/v2/student/hello/", "own"}),
        new String[] {"http://127.0.0.1:5000/v2/student/hello/", "hub"}, m, width));
    v.put("name-bare", ExplainViews.name("busybox", ImageReference.parse("busybox"), m, width));
    v.put("boot", ExplainViews.boot(new BootFacts("web", "6.18.0", "6.1.0", 0, "sleep 60", 4242,
        "71 48 0:39 / / rw,relatime - overlay overlay rw,lowerdir=/l/init:/l/1", 27, false,
        new Confinement(2, 406, "SCMP_ACT_ERRNO", "/usr/share/seccomp.json", false, null)), m, width));
    v.put("boot-open", ExplainViews.boot(new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242, "/ / overlay",
        27, true, new Confinement(0, 0, "", "unconfined", true, "docklab-default")), m, width));
    v.put("vm", ExplainViews.vm(120, 1444, 1940, "sleep 30", 5, 1, "6.18.0", m, width));
    for (String state : List.of("here", "elsewhere", "on-demand")) {
      v.put("arch-" + state, ExplainViews.arch(4242, 2, "runc", "6.18.0", "127.0.0.1:5000", state,
          state.equals("elsewhere") ? List.of("https://mirror.example.com") : List.of(), state.equals("here"), m,
          width));
    }
    List<String> cow = new ArrayList<>();
    for (String kind : List.of("COPY_UP", "NEW", "DELETE", "OPAQUE")) {
      cow.addAll(ExplainViews.cowLines(new CowEvent(kind, "/usr/share/docklab/a/longer/path/to/passwd", 10,
          "6988212e4ea9"), "[cow web] ", m, width));
    }
    v.put("cow", cow);
    return v;
  }

  @Test
  void everyViewFitsItsWidthAndCutsNoSentence() {
    for (Messages.Lang lang : Messages.Lang.values()) {
      Messages m = new Messages(lang);
      for (int width : new int[] {60, 80, 140}) {
        for (var view : views(m, width).entrySet()) {
          for (String l : view.getValue()) {
            String where = lang + " " + width + " " + view.getKey() + ": " + l;
            assertTrue(Text.width(l) <= width, "too wide: " + where);
            assertFalse(l.replace(MOUNT_DRAWING, "").contains("…"), "cut: " + where);
          }
        }
      }
    }
  }

  @Test
  void bootShowsTheWholeMountLineOfARealDataRootWrappedNotCut() {
    String dir = "/var/lib/docklab/containers/" + "f5ac276380a3".repeat(5) + "abcd";
    String line = "74 49 0:38 / / rw,relatime - overlay overlay rw,lowerdir=" + dir + "/init:/var/lib/docklab/layers/"
        + "3ee4f860bfd1".repeat(5) + "abcd/diff,upperdir=" + dir + "/upper,workdir=" + dir + "/work,uuid=on";
    for (Messages.Lang lang : Messages.Lang.values()) {
      for (int width : new int[] {60, 80, 140}) {
        List<String> boot = ExplainViews.boot(new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242, line, 27,
            false, null), new Messages(lang), width);
        String joined = String.join("", boot.stream().map(String::strip).toList());
        assertTrue(joined.replace(" ", "").contains(line.replace(" ", "")), lang + " " + width + ":\n"
            + String.join("\n", boot));
        for (String l : boot) {
          assertTrue(Text.width(l) <= width && !l.contains("…"), lang + " " + width + ": " + l);
        }
      }
    }
  }

  @Test
  void atHundredFortyColumnsALongSentenceStaysOnOneLine() {
    for (Messages.Lang lang : Messages.Lang.values()) {
      Messages m = new Messages(lang);
      Map<String, List<String>> wide = views(m, 140);
      Map<String, String> sentences = Map.of(
          "arch-on-demand", m.get("explain.arch.mirror.none", "127.0.0.1:5000"),
          "vm", m.get("explain.vm.memory", "1444", "1940", "sleep 30"),
          "cow", m.get("explain.cow.copy-up", "/usr/share/docklab/a/longer/path/to/passwd", "10B", "6988212e4ea9"));
      int longer = 0;
      for (var s : sentences.entrySet()) {
        String sentence = s.getValue();
        if (Text.width(sentence) > 80 && Text.width(sentence) <= 130) {
          longer++;
          assertTrue(wide.get(s.getKey()).stream().anyMatch(l -> l.contains(sentence)),
              lang + " " + s.getKey() + " broken: " + sentence + "\n" + String.join("\n", wide.get(s.getKey())));
        }
      }
      assertTrue(longer >= 2, lang + ": too few sentences longer than 80 columns to tell");
      for (String view : List.of("mount-vfs", "file-opaque", "vm", "cow")) {
        assertTrue(wide.get(view).stream().anyMatch(l -> Text.width(l) > 80),
            lang + " " + view + " still wraps at 80:\n" + String.join("\n", wide.get(view)));
      }
    }
  }
}
