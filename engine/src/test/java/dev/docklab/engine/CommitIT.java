package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.container.UpperDir;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** commit, diff, tag and rmi on real containers and layers. */
class CommitIT {
  @RegisterExtension
  final EngineFixture fx = new EngineFixture();



  private RunResult run(String name, String... cmd) {
    return fx.engine().containers().run(new RunRequest("busybox", name, List.of(cmd), List.of(), 0, 0, false),
        new TestEngines.Output());
  }

  private String output(String image, String... cmd) {
    TestEngines.Output out = new TestEngines.Output();
    fx.engine().containers().run(new RunRequest(image, null, List.of(cmd), List.of(), 0, 0, true), out);
    return out.stdout() + out.stderr();
  }

  @Test
  void diffListsAddedChangedAndDeletedPathsAsDocker() {
    run("d1", "sh", "-c", "echo hi > /hello.txt; rm /bin/vi; mkdir /data; echo x >> /etc/passwd");
    assertEquals(List.of("C /bin", "D /bin/vi", "A /data", "C /etc", "C /etc/passwd", "A /hello.txt"),
        fx.engine().containers().diff("d1").stream().map(c -> c.kind() + " " + c.path()).toList());
  }

  @Test
  void committedImageRunsWithTheChangesIncludingDeletions() {
    run("c1", "sh", "-c", "echo hi > /hello.txt; rm /bin/vi; mkdir -p /app && rm -rf /home && mkdir /home "
        + "&& echo new > /home/only");
    Digest id = commit("c1", "myapp:v1", "Ada <ada@example.com>", "add hello",
        List.of("CMD [\"cat\", \"/hello.txt\"]", "ENV GREETING=hi"), true);
    Image img = fx.engine().images().find("myapp:v1");
    assertEquals(id, img.id());
    assertEquals(3, img.diffIds().size(), "busybox's two layers plus the container's");
    assertEquals(fx.engine().images().find("busybox").diffIds(), img.diffIds().subList(0, 2),
        "the base layers are shared");
    assertEquals("hi\n", output("myapp:v1"));
    assertTrue(output("myapp:v1", "ls", "/bin/vi").contains("No such file"));
    assertEquals("hi\n", output("myapp:v1", "sh", "-c", "echo $GREETING"));
    assertEquals("Ada <ada@example.com>", img.config().author());
    assertEquals("add hello", img.config().history().get(img.config().history().size() - 1).comment());
  }

  @Test
  void commitKeepsSymlinksAndHardlinksTheContainerMade() {
    run("links", "sh", "-c", "ln -s /etc/passwd /pw && echo same > /a && ln /a /b");
    commit("links", "links:v1", null, null, List.of(), true);
    assertEquals("root:x:0:0:root:/root:/bin/sh\n", output("links:v1", "head", "-1", "/pw"));
    assertEquals("2\n", output("links:v1", "sh", "-c", "stat -c %h /b"), "still one inode with two names");
  }

  @Test
  void commitWithoutANameMakesAnUntaggedImage() {
    run("c2", "touch", "/x");
    Digest id = commit("c2", null, null, null, List.of(), true);
    assertTrue(fx.engine().images().find(id.toString()).repoTags().isEmpty());
  }

  @Test
  void tagAddsANameAndRmiRemovesNamesThenTheImageAndItsOwnLayers() {
    run("c3", "touch", "/y");
    Digest id = commit("c3", "app:1", null, null, List.of(), true);
    fx.engine().images().tag("app:1", "app:latest");
    assertEquals(id, fx.engine().images().find("app").id());
    Removal first = fx.engine().images().remove("app:1", false, true);
    assertEquals(List.of("app:1"), first.untagged());
    assertTrue(first.deleted().isEmpty());
    Digest top = fx.engine().images().find("app").diffIds().get(2);
    Removal last = fx.engine().images().remove("app", false, true);
    assertEquals(List.of("app:latest"), last.untagged());
    assertEquals(List.of(id.toString(), top.toString()), last.deleted(), "the image, then its own layer");
    assertFalse(Files.exists(fx.root().resolve("layers").resolve(top.hex())));
    assertFalse(Files.exists(fx.root().resolve("blobs/sha256").resolve(id.hex())), "the config blob goes too");
    assertTrue(fx.engine().images().find("busybox") != null, "shared layers stay");
  }

  @Test
  void rmiRefusesAnImageAContainerUses() {
    run("c4", "true");
    Digest made = commit("c4", "c4img:v1", null, null, List.of(), true);
    fx.engine().containers().run(new RunRequest("c4img:v1", "c5", List.of("true"), List.of(), 0, 0, false),
        new TestEngines.Output());
    EngineException e = assertThrows(EngineException.class, () -> fx.engine().images().remove(
        made.toString(), false, true));
    assertEquals("conflict: unable to delete " + made.shortHex() + " (must be forced) - image is being used by "
        + "stopped container " + fx.engine().containers().inspect("c5").shortId(), e.getMessage());
    EngineException parent = assertThrows(EngineException.class, () -> fx.engine().images().remove(
        fx.engine().images().find("busybox").id().toString(), true, true));
    assertEquals("conflict: unable to delete " + fx.engine().images().find("busybox").id().shortHex()
        + " (cannot be forced) - image has dependent child images", parent.getMessage(), "c4img was made from it");
    EngineException missing = assertThrows(EngineException.class,
        () -> fx.engine().images().remove("nosuch", false, true));
    assertEquals("No such image: nosuch:latest", missing.getMessage());
  }

  private Digest commit(String container, String reference, String author, String message, List<String> changes,
      boolean pause) {
    return fx.engine().images().commit(new CommitRequest(container, reference, author, message, changes, pause));
  }
}
