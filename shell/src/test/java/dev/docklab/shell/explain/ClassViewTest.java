package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code explain class}: the image as a class and its containers as objects, line by line, at 80 columns. */
class ClassViewTest {
  static final Messages EN = new Messages(Messages.Lang.EN);
  static final Messages ZH = new Messages(Messages.Lang.ZH);

  static Image busybox() {
    ImageConfig config = new ImageConfig("amd64", "linux", null, null,
        ImageConfig.RunConfig.of(List.of("PATH=/bin"), List.of("sh")),
        new ImageConfig.RootFs("layers", List.of("sha256:" + "6988212e4ea9" + "0".repeat(52),
            "sha256:" + "3ee4f860bfd1" + "0".repeat(52))),
        List.of(new ImageConfig.History(null, "ADD busybox-static /bin/busybox", null, null, null),
            new ImageConfig.History(null, "RUN busybox --install -s /bin", null, null, null),
            new ImageConfig.History(null, "CMD [\"sh\"]", null, null, true)));
    return new Image(Digest.sha256("955cf30c041c" + "1".repeat(52)), Digest.sha256("c".repeat(64)), config,
        List.of(ImageReference.parse("busybox:latest")), 1_980_000);
  }

  static ClassView.ObjectFacts object(String name, String status, long pid, List<Change> changes, long bytes) {
    Container.State state = new Container.State(ContainerStatus.of(status), pid, 0, "", null, null, 0, false);
    Container c = new Container(name.charAt(name.length() - 1) + "f5c0d6e1a2b" + "0".repeat(52), name,
        "2026-11-30T03:00:00Z", "busybox", "sha256:955cf30c041c" + "1".repeat(52), "sh",
        List.of("-c", "echo 1 > /one.txt"), List.of(), "/", "", "overlay2", null, state, false, false, 0);
    return new ClassView.ObjectFacts(c, changes, bytes);
  }

  static List<ClassView.ObjectFacts> objects() {
    return List.of(object("obj1", "exited", 0, List.of(new Change('A', "/one.txt")), 2),
        object("obj2", "running", 4242, List.of(), 0));
  }

  @Test
  void drawsTheImageAsAClassAndItsContainersAsObjectsInEnglish() {
    assertEquals(List.of(
        "explain class busybox: an image is like a Java class, each container like an",
        "  object made from it with new. Read now from the engine.",
        "",
        "  // image 955cf30c041c, 1.98MB: the class",
        "  class Busybox {",
        "    // 2 read-only layer(s): final fields, the same for every object (shared,",
        "    // never copied)",
        "    final Layer layer0 = 6988212e4ea9;  // ADD busybox-static /bin/busybox",
        "    final Layer layer1 = 3ee4f860bfd1;  // RUN busybox --install -s /bin",
        "    // the constructor: what a new container runs unless docker run gives a",
        "    // command",
        "    Busybox() { cmd = [\"sh\"]; }",
        "  }",
        "",
        "2 object(s) of class Busybox: its containers, each with its own state",
        "  obj1 = new Busybox(\"sh\", \"-c\", \"echo 1 > /one.txt\");",
        "      container 1f5c0d6e1a2b: exited (0), no process",
        "      its own read-write layer: 1 change(s), 2B: A /one.txt",
        "  obj2 = new Busybox(\"sh\", \"-c\", \"echo 1 > /one.txt\");",
        "      container 2f5c0d6e1a2b: running, PID 4242 on the host",
        "      its own read-write layer: nothing written yet",
        "",
        "The same in Java: type jshell, then var img =",
        "  engine.images().inspect(\"busybox\"), var c = engine.containers().create(img,",
        "  \"sh\") and engine.containers().start(c)."),
        ClassView.lines("busybox", busybox(), objects(), EN, 80));
  }

  @Test
  void saysItInChineseWithTheSameCode() {
    List<String> zh = ClassView.lines("busybox", busybox(), objects(), ZH, 80);
    assertTrue(zh.contains("  class Busybox {"), String.join("\n", zh));
    assertTrue(zh.contains("    final Layer layer0 = 6988212e4ea9;  // ADD busybox-static /bin/busybox"), String.join("\n", zh));
    assertTrue(zh.contains("      容器 2f5c0d6e1a2b：running，宿主机上的 PID 4242"), String.join("\n", zh));
    assertTrue(zh.contains("      它自己的可读写层：1 处改动，2B：A /one.txt"), String.join("\n", zh));
    assertTrue(zh.get(0).startsWith("explain class busybox：镜像像一个 Java 类"), zh.get(0));
  }

  @ParameterizedTest
  @EnumSource(Messages.Lang.class)
  void everyLineFitsEightyColumns(Messages.Lang lang) {
    for (String line : ClassView.lines("busybox", busybox(), objects(), new Messages(lang), 80)) {
      assertTrue(Text.width(line) <= 80, line);
    }
  }

  @Test
  void withoutContainersItSaysHowToMakeAnObject() {
    List<String> lines = ClassView.lines("busybox", busybox(), List.of(), EN, 80);
    assertTrue(lines.contains("No object of this class yet: docker run busybox makes one, as new makes an"), lines.toString());
  }

  @Test
  void aRepositoryBecomesAJavaClassName() {
    assertEquals("Busybox", ClassView.javaName(busybox(), "busybox"));
  }
}
