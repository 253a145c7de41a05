package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.Confinement;
import dev.docklab.engine.api.Container;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainViewsTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);

  @Test
  void nameViewSplitsAndExplainsTheDefaults() {
    assertEquals(List.of(
        "busybox means docker.io/library/busybox:latest",
        "",
        "  registry      docker.io  (no host given: Docker Hub)",
        "  namespace     library  (a bare name is an official image, in library/)",
        "  repository    busybox",
        "  tag           latest  (no tag given: latest)",
        "  digest        -"), ExplainViews.name("busybox", ImageReference.parse("busybox"), EN));
  }

  @Test
  void layerSharingSaysWhatItCountsAndWrapsTheSharersNeverCuttingThem() {
    List<LayerReport.Sharer> sharers = List.of(new LayerReport.Sharer("mycat1", true),
        new LayerReport.Sharer("mycat2", true), new LayerReport.Sharer("web-server-1", true),
        new LayerReport.Sharer("web-server-2", true), new LayerReport.Sharer("tomcat/centos6.8:v9.0", false),
        new LayerReport.Sharer("busybox", false));
    LayerReport r = new LayerReport("app", "sha256:" + "a".repeat(64), List.of(
        new LayerReport.Layer("sha256:" + "1".repeat(64), Path.of("/l/1/diff"), 2_000_000, 290, 0, 0, "COPY busybox",
            sharers),
        new LayerReport.Layer("sha256:" + "2".repeat(64), Path.of("/l/2/diff"), 1_000_000, 1, 0, 0, "RUN x",
            List.of(new LayerReport.Sharer("busybox", false)))),
        13_000_000, 0, List.of());
    for (int width : new int[] {60, 80, 140}) {
      for (Messages lang : List.of(EN, ZH)) {
        List<String> lines = ExplainViews.layers(r, lang, width);
        String all = String.join("\n", lines);
        assertTrue(all.replaceAll("\\s*\n│\\s*", " ").contains("busybox"), all);
        assertFalse(all.contains("…"), all);
        String sharedLabel = lang.get("explain.layers.shared", "").strip();
        int sharing = lines.indexOf(lines.stream().filter(l -> l.startsWith(lang.get("explain.layers.sharing", "", "")
            .substring(0, 2))).findFirst().orElseThrow());
        for (int i = 1; i < lines.size(); i++) {
          String l = lines.get(i);
          boolean mine = l.startsWith("│  " + sharedLabel) || l.startsWith("│    ") || i >= sharing
              && !l.startsWith(lang.get("explain.layers.wasted", "").substring(0, 2));
          if (mine || width > 60) {
            assertTrue(Text.width(l) <= width, width + ": " + l);
          }
        }
      }
    }
    String en = String.join(" ", ExplainViews.layers(r, EN, 140));
    assertTrue(en.contains("Sharing saves 13MB: each layer counted once for every other image or container that uses "
        + "it (7 uses in all)"), en);
    assertTrue(en.contains("layer 1: 2MB × 6 = 12MB"), en);
    assertTrue(en.contains("layer 2: 1MB × 1 = 1MB"), en);
  }

  @Test
  void layerStackPutsTheBaseAtTheBottomAndFitsEightyColumns() {
    LayerReport r = new LayerReport("app", "sha256:" + "a".repeat(64), List.of(
        new LayerReport.Layer("sha256:" + "1".repeat(64), Path.of("/var/lib/docklab/layers/" + "1".repeat(64) + "/diff"),
            2_000_000, 290, 0, 0, "COPY busybox",
            List.of(new LayerReport.Sharer("busybox:1.35", false), new LayerReport.Sharer("mycat2", true))),
        new LayerReport.Layer("sha256:" + "2".repeat(64), Path.of("/var/lib/docklab/layers/" + "2".repeat(64) + "/diff"),
            1_000_000, 1, 1, 1, "RUN dd if=/dev/zero of=/big", List.of())),
        2_000_000, 500_000, List.of(new LayerReport.Waste("/etc/big", 500_000, "RUN rm /etc/big")));
    List<String> lines = ExplainViews.layers(r, EN);
    assertEquals("Image app (aaaaaaaaaaaa): a roll of 2 read-only layers, the base at the bottom", lines.get(0));
    assertEquals("┌─ layer 2 ─ 222222222222 ─ 1MB ─ +1 added, 1 changed, 1 deleted", lines.get(2));
    assertTrue(lines.indexOf("├─ layer 1 ─ 111111111111 ─ 2MB ─ +290 added, 0 changed, 0 deleted") > 2);
    assertTrue(lines.contains("│  shared with: busybox:1.35, container mycat2"), lines.toString());
    assertTrue(ExplainViews.layers(r, ZH).contains("│  与之共享：busybox:1.35, 容器 mycat2"));
    assertTrue(lines.contains("  500kB  /etc/big  ← RUN rm /etc/big"));
    for (String l : lines) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
    for (String l : ExplainViews.layers(r, ZH)) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
  }

  @Test
  void mountViewShowsEachPartAndTheRule() {
    MountReport r = new MountReport("web", true, "lowerdir=/l/init:/l/2:/l/1,upperdir=/c/upper,workdir=/c/work",
        List.of(new MountReport.Lower(Path.of("/l/init"), MountReport.INIT, ""),
            new MountReport.Lower(Path.of("/l/2"), "sha256:" + "2".repeat(64), "COPY etc"),
            new MountReport.Lower(Path.of("/l/1"), "sha256:" + "1".repeat(64), "COPY busybox")),
        Path.of("/c/upper"), Path.of("/c/work"), Path.of("/c/merged"));
    List<String> lines = ExplainViews.mount(r, List.of(), EN);
    assertEquals("Container web: its root is a union mount (overlayfs), mounted now", lines.get(0));
    assertTrue(lines.contains("    222222222222  COPY etc"));
    assertTrue(lines.contains("    init          its init layer: /etc/hostname, /etc/hosts, /etc/resolv.conf"));
    assertTrue(ExplainViews.mount(r, List.of(), ZH).contains("    init          容器的 init 层：/etc/hostname、/etc/hosts、/etc/resolv.conf"));
    assertTrue(lines.contains("  upperdir=/c/upper"));
    assertTrue(lines.contains("A read finds the top-most layer that has the file. The first write copies it"));
    assertEquals("No volumes or bind mounts (-v): everything it writes lands in upperdir, where",
        lines.get(lines.size() - 2));
    for (Messages lang : List.of(EN, ZH)) {
      for (String l : ExplainViews.mount(r, List.of(), lang)) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    }
  }

  @Test
  void mountViewShortensEachIdOneWayAndShowsTheVolumes() {
    String id = "ec5" + "0".repeat(51) + "bf3bbf8ecb";
    Path dir = Path.of("/tmp/docklab-peek-ozGj/containers/" + id);
    MountReport r = new MountReport("m1", true, "rw,lowerdir=/l/init:/l/1,upperdir=" + dir.resolve("upper")
        + ",workdir=" + dir.resolve("work"), List.of(new MountReport.Lower(Path.of("/l/init"), "init", "init layer")),
        dir.resolve("upper"), dir.resolve("work"), dir.resolve("merged"));
    List<Container.MountPoint> mounts = List.of(
        new Container.MountPoint("volume", "vol1", "/tmp/docklab-peek-ozGj/volumes/vol1/_data", "/data", false, false),
        new Container.MountPoint("bind", null, "/tmp", "/hosttmp", true, false));
    List<String> lines = ExplainViews.mount(r, mounts, EN);
    String shortId = id.substring(0, 12) + "…";
    for (String l : lines) {
      if (l.contains("/containers/")) {
        assertTrue(l.contains("/containers/" + shortId + "/"), "one id, one length: " + l);
      }
    }
    assertTrue(lines.contains("    /tmp/docklab-peek-ozGj/containers/" + shortId + "/merged"), lines.toString());
    int at = lines.indexOf("Volumes and bind mounts (-v), mounted over the container's / at their paths:");
    assertEquals(List.of("  /data  volume vol1, kept by docklab in:", "    /tmp/docklab-peek-ozGj/volumes/vol1/_data",
        "  /hosttmp (ro)  bind mount of the host's directory:", "    /tmp"), lines.subList(at + 1, at + 5));
    String text = String.join(" ", lines.subList(at + 5, lines.size()));
    assertTrue(text.contains("it bypasses the container layer, so docker commit leaves it out"), text);
    for (Messages lang : List.of(EN, ZH)) {
      for (String l : ExplainViews.mount(r, mounts, lang)) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    }
  }

  @Test
  void mountViewUnderVfsShowsTheFullCopyAndWhatOverlay2WouldUse() {
    Path rootfs = Path.of("/var/lib/docklab/containers/" + "a".repeat(64) + "/rootfs");
    MountReport r = new MountReport("v1", false, "", List.of(
        new MountReport.Lower(Path.of("/l/2"), "sha256:" + "2".repeat(64), "COPY etc"),
        new MountReport.Lower(Path.of("/l/1"), "sha256:" + "1".repeat(64), "COPY busybox")),
        rootfs, rootfs, rootfs, new MountReport.Copy(rootfs, 2_150_000, 2_140_000));
    List<String> lines = ExplainViews.mount(r, List.of(), EN);
    String text = String.join(" ", lines).replaceAll(" +", " ");
    assertTrue(text.startsWith("Container v1 runs on the vfs storage driver: no union mount. Its root is a full copy"
        + " of its image's 2 layers, made at its first start, in:"), text);
    assertTrue(lines.contains("    /var/lib/docklab/containers/aaaaaaaaaaaa…/rootfs"), lines.toString());
    assertTrue(text.contains("disk use now: 2.15MB, every file of every layer copied for this container alone"), text);
    assertTrue(lines.contains("    222222222222  COPY etc"), lines.toString());
    assertTrue(text.contains("Against overlay2: there the layers (2.14MB) are mounted read-only, once for every "
        + "container of the image"), text);
    assertTrue(text.contains("Here each container costs a copy of 2.15MB"), text);
    assertTrue(!text.contains("no union mount to show"), text);
    for (Messages lang : List.of(EN, ZH)) {
      for (String l : ExplainViews.mount(r, List.of(), lang)) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    }
  }

  @Test
  void bootNamesTheInitWhenDockerInitIsPid1() {
    var init = new BootFacts("web", "6.18.0", "6.18.0", 0, "/sbin/docker-init -- sleep 60", 4242, "/ / overlay", 27,
        false);
    List<String> lines = ExplainViews.boot(init, EN);
    int pid1 = lines.indexOf("  PID 1 inside: /sbin/docker-init -- sleep 60; the same process on the host: PID");
    assertEquals(List.of(
        "  PID 1 is docker-init (tini, from --init), not the command: it started sleep 60",
        "    as its child, passes signals on to it and reaps orphaned processes"),
        lines.subList(pid1 + 2, pid1 + 4), String.join("\n", lines));
    assertTrue(ExplainViews.boot(init, ZH).stream().anyMatch(l -> l.contains("PID 1 是 docker-init")));
    var plain = new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242, "/ / overlay", 27, false);
    assertTrue(ExplainViews.boot(plain, EN).stream().noneMatch(l -> l.contains("docker-init")));
    for (Messages lang : List.of(EN, ZH)) {
      ExplainViews.boot(init, lang).forEach(l -> assertTrue(Text.width(l) <= 80, "too wide: " + l));
    }
  }

  @Test
  void bootVmAndFileViewsFitEightyColumnsInBothLanguages() {
    var facts = new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242,
        "71 48 0:39 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docklab/containers/x/init", 27, false);
    var file = new FileReport("web", "/bin/vi", List.of(
        new FileReport.Entry("upperdir", "", "WHITEOUT", 0, FileReport.Source.CONTAINER),
        new FileReport.Entry("init", "", "NONE", 0, FileReport.Source.INIT),
        new FileReport.Entry("6988212e4ea9", "COPY busybox", "LINK", 0)));
    var confined = new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242, "/ / overlay", 27, false,
        new Confinement(2, 406, "SCMP_ACT_ERRNO", "/usr/share/containers/seccomp.json", false, null));
    var unconfined = new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242, "/ / overlay", 27, false,
        new Confinement(0, 0, "", "unconfined", true, "docklab-default"));
    for (Messages lang : List.of(EN, ZH)) {
      List<String> all = new ArrayList<>(ExplainViews.boot(facts, lang));
      all.addAll(ExplainViews.boot(confined, lang));
      all.addAll(ExplainViews.boot(unconfined, lang));
      all.addAll(ExplainViews.vm(120, 1444, 1940, "sleep 30", 5, 1, "6.18.0", lang));
      all.addAll(ExplainViews.file(file, lang));
      for (String l : all) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    }
    assertTrue(ExplainViews.boot(facts, EN).contains("  kernel: host 6.18.0, inside 6.18.0: the same kernel"));
    assertTrue(ExplainViews.boot(facts, EN).contains("  PID 1 inside: sleep 60; the same process on the host: PID 4242"));
    List<String> seccomp = ExplainViews.boot(confined, EN);
    assertEquals(List.of(
        "  seccomp: PID 1 runs under a filter with rules for 406 system calls",
        "    (Seccomp: 2 in /proc/1/status); any other call gets SCMP_ACT_ERRNO",
        "    profile: /usr/share/containers/seccomp.json",
        "  AppArmor: not available on this host (no /sys/kernel/security/apparmor",
        "    or no apparmor_parser), so no AppArmor profile confines it"),
        seccomp.subList(seccomp.size() - 5, seccomp.size()));
    List<String> open = ExplainViews.boot(unconfined, EN);
    assertEquals(List.of(
        "  seccomp: no filter (Seccomp: 0 in /proc/1/status): every system call",
        "    reaches the kernel (--security-opt seccomp=unconfined)",
        "  AppArmor: profile docklab-default"), open.subList(open.size() - 3, open.size()));
    assertEquals(List.of("/bin/vi in container web",
        "  is deleted: a whiteout in container layer (upperdir) hides the copies below"),
        ExplainViews.file(file, EN).subList(0, 2));
    List<String> zh = ExplainViews.file(file, ZH);
    assertEquals(List.of("容器 web 中的 /bin/vi", "  已被删除：容器层（upperdir） 中的白障遮住了下面的副本", ""), zh.subList(0, 3));
    assertTrue(zh.get(3).startsWith("▶  容器层（upperdir）          白障："), zh.get(3));
    assertTrue(zh.get(4).startsWith(" ".repeat(31)) && zh.get(4).strip().endsWith("副本"), zh.get(4));
    assertEquals(List.of("     容器写入的内容", "   init                        -", "     容器自己的 init 层"), zh.subList(5, 8));
  }

  @Test
  void fileViewSaysWhichLayerHidesAPathThroughAnOpaqueParent() {
    var hidden = new FileReport("c1", "/var/www", List.of(
        new FileReport.Entry("container layer (upperdir)", "what the container wrote", "NONE", 0),
        new FileReport.Entry("init", "the container's init layer", "NONE", 0),
        new FileReport.Entry("6988212e4ea9", "COPY busybox", "DIR", 0)),
        new FileReport.Hidden("container layer (upperdir)", "/var", "OPAQUE"));
    assertEquals(null, hidden.winner(), "the container cannot see it");
    List<String> lines = ExplainViews.file(hidden, EN);
    assertEquals("/var/www in container c1", lines.get(0));
    assertTrue(lines.get(1).startsWith("  cannot be seen: /var in container layer (upperdir) is an opaque"), lines.get(1));
    assertTrue(String.join(" ", lines).replaceAll(" +", " ").contains("A directory removed and made again (rm -rf, then mkdir) is opaque"));
    assertTrue(lines.contains("▶  container layer (upperdir)  /var: opaque directory, hides all below"), lines.toString());
    assertTrue(lines.contains("·  6988212e4ea9                directory"), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("comes from")), lines.toString());
    var deleted = new FileReport("c1", "/var/www", hidden.layers(),
        new FileReport.Hidden("container layer (upperdir)", "/var", "WHITEOUT"));
    assertTrue(ExplainViews.file(deleted, EN).get(1).startsWith("  cannot be seen: /var was deleted in container layer"));
    for (Messages lang : List.of(EN, ZH)) {
      for (var r : List.of(hidden, deleted, new FileReport("c1", "/var/www", hidden.layers(),
          new FileReport.Hidden("6988212e4ea9", "/var", "NOT_DIR")))) {
        for (String l : ExplainViews.file(r, lang)) {
          assertTrue(Text.width(l) <= 80, "too wide: " + l);
        }
      }
    }
  }

  @Test
  void archViewDrawsTheHubAndHowPullsReachIt() {
    List<String> lines = ExplainViews.arch(4242, 2, "runc", "6.18.0", "127.0.0.1:5000", "here",
        List.of("http://127.0.0.1:5000"), true, EN);
    assertTrue(lines.contains("  engine ── HTTP ──▶ docklab's hub: http://127.0.0.1:5000 (daemon.json \"hub\")"),
        lines.toString());
    assertTrue(lines.contains("    running now, in this process (started when a pull, push, search or login"),
        lines.toString());
    String text = String.join(" ", lines).replaceAll(" +", " ");
    assertTrue(text.contains("It plays Docker Hub: it is a registry mirror in daemon.json's registry-mirrors, so "
        + "docker pull busybox asks it first, then docker.io"), text);
    assertTrue(!text.contains("none yet") && !text.contains("还没有"), text);
    String off = String.join(" ", ExplainViews.arch(1, 0, "runc", "6.18.0", "10.0.0.5:5000", "on-demand",
        List.of(), false, EN)).replaceAll(" +", " ");
    assertTrue(off.contains("not running now: this process starts it when a pull, push, search or login first"), off);
    assertTrue(off.contains("No registry mirror in daemon.json: docker pull busybox goes to docker.io itself; "
        + "docklab's hub is reached by its address (10.0.0.5:5000/NAME)."), off);
    String zh = String.join("", ExplainViews.arch(1, 0, "runc", "6.18.0", "127.0.0.1:5000", "elsewhere",
        List.of("https://mirror.example.com"), false, ZH));
    assertTrue(zh.contains("现在有另一个进程在那里应答") && zh.contains("https://mirror.example.com"), zh);
    for (Messages lang : List.of(EN, ZH)) {
      for (String state : List.of("here", "elsewhere", "on-demand")) {
        for (String l : ExplainViews.arch(4242, 2, "runc", "6.18.0", "127.0.0.1:5000", state,
            List.of("https://mirror.example.com", "https://mirror2.example.com"), state.equals("here"), lang)) {
          assertTrue(Text.width(l) <= 80, "too wide: " + l);
        }
      }
    }
  }

  @Test
  void vmViewSaysWhichProcessesItMeasuresAndHow() {
    List<String> lines = ExplainViews.vm(120, 212, 1940, "sleep 30", 5, 1, "6.18.0", EN);
    String text = String.join(" ", lines).replaceAll(" +", " ");
    assertTrue(text.contains("memory of an idle container: 212 kB for its process (sleep 30), 1940 kB for its "
        + "monitor (conmon)"), text);
    assertTrue(text.contains("(PSS: the pages each process maps, a shared page split among those that share it; "
        + "read from /proc/PID/smaps_rollup once the container runs sleep 30, median of 5 reads)"), text);
    String zh = String.join("", ExplainViews.vm(120, 212, 1940, "sleep 30", 5, 1, "6.18.0", ZH));
    assertTrue(zh.contains("PSS") && zh.contains("中位数"), zh);
  }

  @Test
  void nameViewSaysWhereAPullAndAPushGo() {
    List<String> lines = ExplainViews.name("student/hello:v1", ImageReference.parse("student/hello:v1"), List.of(
        new String[] {"http://127.0.0.1:5000/v2/student/hello/", "mirror"},
        new String[] {"https://registry-1.docker.io/v2/student/hello/", "own"}),
        new String[] {"http://127.0.0.1:5000/v2/student/hello/", "hub"}, EN);
    assertEquals(List.of(
        "  pulled from   1. http://127.0.0.1:5000/v2/student/hello/",
        "                   a mirror from daemon.json; by default docklab's hub",
        "                2. https://registry-1.docker.io/v2/student/hello/",
        "                   the image's own registry",
        "  pushed to     http://127.0.0.1:5000/v2/student/hello/",
        "                docklab's hub, playing Docker Hub (docker login logs in there)"),
        lines.subList(lines.size() - 6, lines.size()));
    List<String> own = ExplainViews.name("localhost:5000/a/b", ImageReference.parse("localhost:5000/a/b"),
        List.<String[]>of(new String[] {"http://localhost:5000/v2/a/b/", "own"}),
        new String[] {"http://localhost:5000/v2/a/b/", "own"}, EN);
    assertEquals("                the image's own registry", own.get(own.size() - 1));
    for (String l : ExplainViews.name("busybox", ImageReference.parse("busybox"), List.<String[]>of(
        new String[] {"http://127.0.0.1:5000/v2/library/busybox/", "mirror"}),
        new String[] {"http://127.0.0.1:5000/v2/library/busybox/", "hub"}, ZH)) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
  }

  @Test
  void networkViewShowsTheNamespaceTheWireAndTheRuleInEightyColumns() {
    var web = new NetworkFacts("web", "bridge", "/run/netns/docklab-7246e4935ba5",
        List.of("lo 127.0.0.1/8", "eth0 172.17.0.2/16"),
        List.of("default via 172.17.0.1 dev eth0 ", "172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 "),
        "veth6cf1adb9", "docklab0", "172.17.0.1/16", List.of("0.0.0.0:8080->80/tcp"),
        List.of("-A CNI-DN-013c2862b06177cfd6e92 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"));
    assertEquals(List.of(
        "web has a network namespace of its own (bridge)",
        "  namespace:   /run/netns/docklab-7246e4935ba5",
        "  inside it:   lo 127.0.0.1/8",
        "               eth0 172.17.0.2/16",
        "  routes:      default via 172.17.0.1 dev eth0",
        "               172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2",
        "  the wire:    eth0 (inside) == veth pair == veth6cf1adb9 (on the host)",
        "               veth6cf1adb9 -- plugged into the bridge docklab0 172.17.0.1/16",
        "  published:   0.0.0.0:8080->80/tcp",
        "  kernel rule: -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80",
        "A packet for the host's port 8080 is rewritten (DNAT) to 172.17.0.2:80",
        "by that rule, then routed over docklab0 into the veth.",
        "The container sees it arrive on eth0. No program on the host listens on 8080:",
        "the kernel forwards it.",
        "localhost:8080 works too: portmap lets docklab0 route 127.0.0.0/8",
        "(route_localnet=1). An INPUT rule drops every other packet from docklab0",
        "to 127.0.0.0/8, so what the host binds to 127.0.0.1 only stays out of the",
        "containers' reach (CVE-2020-8558).",
        "See for yourself:",
        "  ip netns exec docklab-7246e4935ba5 ip addr",
        "  ip link show master docklab0",
        "  iptables -t nat -S | grep 172.17.0.2",
        "  iptables -S INPUT | grep docklab0"), ExplainViews.network(web, EN));
    var user = new NetworkFacts("app", "mynet", "/run/netns/docklab-7246e4935ba5", web.interfaces(), web.routes(),
        "veth6cf1adb9", "dl-0123456789ab", "172.18.0.1/16", List.of("0.0.0.0:65535->65535/tcp"),
        List.of("-A CNI-DN-013c2862b06177cfd6e92 -p tcp -m tcp --dport 65535 -j DNAT --to-destination "
            + "172.18.0.2:65535"));
    var quiet = new NetworkFacts("quiet", "bridge", "/run/netns/docklab-9bdc29a6aca1",
        web.interfaces(), web.routes(), "veth1", "docklab0", "172.17.0.1/16", List.of(), List.of());
    var alone = new NetworkFacts("alone", "none", "/proc/9406/ns/net",
        List.of("lo 127.0.0.1/8"), List.of(), "", "", "", List.of(), List.of());
    var host = new NetworkFacts("hosty", "host", "", List.of(), List.of(), "", "", "",
        List.of(), List.of());
    for (Messages lang : List.of(EN, ZH)) {
      for (var f : List.of(web, quiet, alone, host)) {
        for (String l : ExplainViews.network(f, lang)) {
          assertTrue(Text.width(l) <= 80, "too wide: " + l);
          assertTrue(!l.contains("…"), "cut short: " + l);
        }
      }
    }
    for (Messages lang : List.of(EN, ZH)) {
      for (String l : ExplainViews.network(user, lang)) {
        assertTrue(Text.width(l) <= 80, "too wide with a user network's bridge and a five-digit port: " + l);
      }
    }
    assertTrue(ExplainViews.network(alone, EN).contains("Only lo: nothing can reach it and it reaches nothing "
        + "(--network none)."));
  }

  @Test
  void traceNumbersTheStepsWithTheirTimes() {
    List<String> lines = ExplainViews.trace("docker run busybox true", List.of(
        new EngineEvent(EventStep.RESOLVE, "busybox", "sha256:abc", Duration.ofMillis(2)),
        new EngineEvent(EventStep.MOUNT, "id", "lowerdir=/a,upperdir=/b", Duration.ofMillis(3))), EN);
    assertEquals("What happened for: docker run busybox true", lines.get(0));
    assertEquals(" 1. resolve      2.0 ms  find the image by name or id", lines.get(2));
    assertEquals("       lowerdir=/a,upperdir=/b", lines.get(5), "a short artifact stays on one line");
    assertEquals(List.of("No engine steps yet: run a docker command first,", "e.g. docker run busybox echo hello."),
        ExplainViews.trace("", List.of(), EN));
  }
}
