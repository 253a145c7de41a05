package dev.docklab.lessons.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.lessons.load.LessonFileException;
import dev.docklab.lessons.load.LessonReader;
import dev.docklab.lessons.model.CheckItem;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.StartContainer;
import dev.docklab.lessons.model.Step;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A draft lesson from the state before and after a teacher's lines: what it starts from, what it checks. */
class DraftTest {
  private static final List<String> HTTPD = List.of("httpd", "-f", "-p", "80");

  /** busybox, and web built on it, as a fresh docklab has them. */
  private static Machine fresh() {
    Machine m = new Machine();
    m.image(1, List.of(1), null, null, List.of("sh"), "busybox");
    m.image(2, List.of(1, 2), null, null, HTTPD, "web");
    return m;
  }

  private static Container run(Machine m, int id, String name, String image, List<PortMapping> ports,
      List<Container.MountPoint> mounts, String... command) {
    return m.run(Integer.toString(id), name, image, ContainerStatus.RUNNING, 0, ports, mounts, List.of(command),
        Machine.LESSON.plusSeconds(id));
  }

  /** The draft, written and read back as {@code lesson lint} reads it: the same lesson, no problem. */
  private static Lesson draftReadBack(String id, Machine before, Machine after, List<String> lines)
      throws LessonFileException {
    Lesson draft = Draft.of(id, before.snapshot(), after.snapshot(), lines);
    String yaml = DraftYaml.write(draft);
    Lesson back = LessonReader.read(id + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(draft, back, yaml);
    for (CheckItem c : back.steps().get(0).checks()) {
      assertTrue(c.check().test(after.probe()).holds(), "holds after the lines: " + c);
      assertFalse(c.check().test(before.probe()).holds(), "does not hold before them: " + c);
    }
    return back;
  }

  private static List<String> checkLines(Lesson l) {
    return DraftYaml.write(l).lines().filter(s -> s.startsWith("      - container: ") || s.startsWith("      - image: "))
        .map(String::strip).toList();
  }

  @Test
  void aRunAndATagGiveTheStartTheSolutionAndNameFreeChecks() throws Exception {
    Machine before = fresh();
    Machine after = before.copy();
    run(after, 10, "web", "web", List.of(new PortMapping("", 8080, 80, "tcp")), List.of());
    after.tag(after.image("busybox"), "mybox:v1");
    List<String> lines = List.of("docker run -d --name web -p 8080:80 web", "docker tag busybox mybox:v1");

    Lesson l = draftReadBack("web-tag", before, after, lines);

    assertEquals("web-tag", l.id());
    assertEquals(List.of("busybox", "web"), l.start().images().present());
    assertEquals(List.of("mybox:v1"), l.start().images().absent());
    assertEquals(List.of(), l.start().containers());
    Step step = l.steps().get(0);
    assertEquals(lines, step.solution());
    assertEquals(List.of("- container: {image: web, state: running, publishes: \"80\"}",
        "- image: {ref: \"mybox:v1\", sameAs: busybox}"), checkLines(l));
    assertTrue(step.checks().stream().allMatch(c -> c.say() == null), "goal describes each check");
    assertTrue(l.title().en().startsWith("TODO") && l.title().zh().startsWith("TODO"));
    assertEquals(String.join("; ", lines), step.hints().command().en());
  }

  @Test
  void aCommitSitsOnTheLayersOfItsImageWithItsAuthorAndCommentAndASecondNameIsTheSame() throws Exception {
    Machine before = fresh();
    Machine after = before.copy();
    run(after, 11, "c", "web", List.of(), List.of());
    // the engine lists the image's names in any order: the lines' order decides which one was made first
    after.image(3, List.of(1, 2, 3), "alice", "added a page", HTTPD, "myweb", "myweb:v2");
    List<String> lines = List.of("docker run -d --name c web", "docker commit -a alice -m 'added a page' c myweb:v2",
        "docker tag myweb:v2 myweb");

    Lesson l = draftReadBack("commit", before, after, lines);

    assertEquals(List.of("- container: {image: web, state: running}",
        "- image: {ref: \"myweb:v2\", base: web, moreLayers: 1, author: alice, comment: \"added a page\"}",
        "- image: {ref: myweb, sameAs: \"myweb:v2\"}"), checkLines(l));
    assertEquals(List.of("web"), l.start().images().present());
    assertEquals(List.of("myweb:v2", "myweb"), l.start().images().absent());
  }

  @Test
  void containersThatWereThereAreMadeByTheStartAndCheckedByName() throws Exception {
    Machine before = fresh();
    run(before, 20, "old", "web", List.of(), List.of());
    before.run("21", "gone", "busybox", ContainerStatus.EXITED, 0, List.of(), List.of(), List.of("echo", "hi"),
        Machine.LESSON.plusSeconds(21));
    before.run("22", "untouched", "busybox", ContainerStatus.CREATED, 0, List.of(), List.of(), List.of(),
        Machine.LESSON.plusSeconds(22));
    Machine after = before.copy();
    after.status("old", ContainerStatus.EXITED, 137);
    after.containers.removeIf(c -> c.name().equals("gone"));

    Lesson l = draftReadBack("stop-rm", before, after, List.of("docker stop old", "docker rm gone"));

    assertEquals(List.of(new StartContainer("old", "web", List.of(), false, false, true),
        new StartContainer("gone", "busybox", List.of("echo", "hi"), false, false, false)), l.start().containers());
    assertEquals(List.of("web", "busybox"), l.start().images().present());
    assertEquals(List.of("- container: {name: old, state: exited, exitCode: 137}",
        "- container: {name: gone, exists: false}"), checkLines(l));
  }

  @Test
  void aContainersCommandPortsAndMountsAreCheckedOneOfEachAtATime() throws Exception {
    Machine before = fresh();
    Machine after = before.copy();
    run(after, 30, "svc", "busybox",
        List.of(new PortMapping("", 8080, 80, "tcp"), new PortMapping("", 5353, 53, "udp")),
        List.of(new Container.MountPoint("volume", "data", "/var/lib/docklab/volumes/data/_data", "/data", true, false),
            new Container.MountPoint("volume", "f".repeat(64), "/var/lib/docklab/volumes/x/_data", "/cache", false,
                true)),
        "sleep", "300");
    List<String> lines = List.of("docker run -d --name svc -p 8080:80 -p 5353:53/udp -v data:/data:ro -v /cache "
        + "busybox sleep 300");

    Lesson l = draftReadBack("svc", before, after, lines);

    assertEquals(List.of("- container: {image: busybox, state: running, command: \"sleep 300\", publishes: \"80\", "
            + "mount: {destination: \"/data\", type: volume, source: data, readOnly: true}}",
        "- container: {image: busybox, publishes: \"53/udp\"}",
        "- container: {image: busybox, mount: {destination: \"/cache\", type: volume}}"), checkLines(l));
  }

  @Test
  void aNameRemovedIsCheckedGoneAndTheStartHasIt() throws Exception {
    Machine before = fresh();
    before.image(5, List.of(1, 5), null, null, List.of("sh"), "hello:v1");
    Machine after = before.copy();
    after.untag("hello:v1");

    Lesson l = draftReadBack("rmi", before, after, List.of("docker rmi hello:v1"));

    assertEquals(List.of("- image: {ref: \"hello:v1\", exists: false}"), checkLines(l));
    assertEquals(List.of("hello:v1"), l.start().images().present());
  }

  @Test
  void linesThatChangedNothingGiveNoGoal() {
    Machine m = fresh();
    assertEquals(List.of(), Draft.checks(m.snapshot(), m.snapshot(), List.of("docker ps -a")));
    assertThrows(IllegalStateException.class, () -> Draft.of("x", m.snapshot(), m.snapshot(), List.of("docker ps")));
    assertThrows(IllegalStateException.class, () -> Draft.of("x", m.snapshot(), m.snapshot(), List.of()));
  }

  @Test
  void theIdComesFromTheFileName() {
    assertEquals("web-tag", Draft.idOf("web-tag.yaml"));
    assertEquals("my-first-lesson", Draft.idOf("My First_Lesson.yml"));
    assertEquals("ports2", Draft.idOf("ports2"));
    assertThrows(IllegalArgumentException.class, () -> Draft.idOf("__.yaml"));
  }

  @Test
  void aWordYamlWouldReadAsSomethingElseIsQuoted() {
    assertEquals("web", DraftYaml.scalar("web"));
    assertEquals("\"mybox:v1\"", DraftYaml.scalar("mybox:v1"));
    assertEquals("\"no\"", DraftYaml.scalar("no"));
    assertEquals("\"80\"", DraftYaml.scalar("80"));
    assertEquals("\"echo \\\"hi\\\"\\n\"", DraftYaml.quote("echo \"hi\"\n"));
  }
}
