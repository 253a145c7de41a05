package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.layer.TarBuilder;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker build with the classic builder's output, real RUN containers, the cache and multi-stage builds. */
class BuildIT {
  static Transcript t;
  static Path ctx;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-build-"));
    ctx = Files.createTempDirectory("docklab-context-");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(ctx);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  private static Path context(String name, String dockerfile, String... files) throws Exception {
    Path dir = Files.createDirectories(ctx.resolve(name));
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    for (int i = 0; i < files.length; i += 2) {
      Path f = dir.resolve(files[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, files[i + 1]);
    }
    return dir;
  }

  @Test
  void rmiTakesTheStepImagesUnderAnImageUnlessNoPrune() throws Exception {
    Path dir = context("steps", "FROM busybox\nCOPY a /a\nCOPY b /b\n", "a", "a\n", "b", "b\n");
    t.run("docker build -q -t steps " + dir);
    t.run("docker image prune -f");
    long before = t.run("docker images -a -q").out().lines().count();
    t.run("docker rmi --no-prune steps");
    assertEquals(before - 1, t.run("docker images -a -q").out().lines().count(), "only the image itself");
    assertEquals(1, t.run("docker images -q --filter dangling=true").out().lines().count(), "its step image");
    t.run("docker image prune -f");
    assertEquals(before - 2, t.run("docker images -a -q").out().lines().count());
    t.run("docker build -q -t steps " + dir);
    t.run("docker rmi steps");
    assertEquals(before - 2, t.run("docker images -a -q").out().lines().count(), "the image and its step image");
  }

  @Test
  void anImageOfManyLayersStillRuns() throws Exception {
    // 100 layers: the overlay mount options of their full paths would not fit in one page
    StringBuilder df = new StringBuilder("FROM busybox\n");
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 98; i++) {
      df.append("COPY f").append(i).append(" /stack/f").append(i).append('\n');
      files.add("f" + i);
      files.add("layer " + i + "\n");
    }
    Path dir = context("tall", df.toString(), files.toArray(String[]::new));
    Transcript.Result build = t.run("docker build -q -t tall " + dir);
    assertEquals(0, build.status(), build.err());
    Transcript.Result run = t.run("docker run --rm tall cat /stack/f0 /stack/f97");
    assertEquals("layer 0\nlayer 97\n", run.out(), run.err());
    assertTrue(t.run("docker history -q tall").out().lines().count() >= 100);
  }

  @Test
  void buildsStepByStepThenUsesTheCache() throws Exception {
    Path dir = context("app", String.join("\n", "FROM busybox", "ARG WHO=world", "RUN echo built for $WHO > /built && echo said-$WHO",
        "COPY hello.txt /app/", "ENV GREETING=hi", "WORKDIR /app", "CMD [\"cat\", \"hello.txt\"]", ""),
        "hello.txt", "hello from copy\n", "secret.txt", "no\n", ".dockerignore", "secret.txt\n");
    Transcript.Result first = t.run("docker build -t lesson:v1 --build-arg WHO=docklab " + dir);
    assertEquals(0, first.status(), first.err());
    List<String> lines = first.out().lines().toList();
    assertTrue(lines.get(0).startsWith("Sending build context to Docker daemon  "), lines.get(0));
    assertEquals("Step 1/7 : FROM busybox", lines.get(1));
    assertTrue(lines.get(2).matches(" ---> [0-9a-f]{12}"), lines.get(2));
    assertTrue(Pattern.compile("Step 3/7 : RUN echo built for \\$WHO > /built && echo said-\\$WHO\n ---> Running in "
        + "[0-9a-f]{12}\nsaid-docklab\n").matcher(first.out()).find(), "the step's output after Running in:\n"
        + first.out());
    assertTrue(first.out().contains("\nRemoving intermediate container "), first.out());
    assertTrue(lines.get(lines.size() - 2).matches("Successfully built [0-9a-f]{12}"));
    assertEquals("Successfully tagged lesson:v1", lines.get(lines.size() - 1));
    assertEquals("hello from copy\n", t.run("docker run --rm lesson:v1").out());
    assertEquals("built for docklab\n/app\nhi\n", t.run("docker run --rm lesson:v1 sh -c 'cat /built; pwd; echo $GREETING'").out());
    assertEquals(0, t.run("docker ps -aq").out().lines().count(), "intermediate containers are removed");
    Transcript.Result again = t.run("docker build -t lesson:v1 --build-arg WHO=docklab " + dir);
    assertEquals(6, again.out().lines().filter(l -> l.equals(" ---> Using cache")).count(), again.out());
    Files.writeString(dir.resolve("hello.txt"), "changed\n");
    Transcript.Result changed = t.run("docker build -t lesson:v2 --build-arg WHO=docklab " + dir);
    assertEquals(2, changed.out().lines().filter(l -> l.equals(" ---> Using cache")).count(),
        "ARG and RUN come from the cache, COPY of a changed file does not:\n" + changed.out());
    assertEquals("changed\n", t.run("docker run --rm lesson:v2").out());
  }

  @Test
  void multiStageCopiesFromAnEarlierStageAndAddUnpacksTars() throws Exception {
    Path dir = context("multi", String.join("\n",
        "FROM busybox AS builder", "RUN mkdir /out && echo artifact > /out/result.txt",
        "FROM scratch", "COPY --from=builder /bin/busybox /bin/busybox", "COPY --from=builder /out/result.txt /",
        "CMD [\"/bin/busybox\", \"cat\", \"/result.txt\"]", ""));
    Transcript.Result r = t.run("docker build -t multi:v1 " + dir);
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("artifact\n", t.run("docker run --rm multi:v1").out());
    assertEquals("2\n", t.run("docker inspect -f '{{len .RootFS.Layers}}' multi:v1").out(),
        "FROM scratch plus two COPY layers: nothing of the builder stage but what was copied");
    Path tarDir = Files.createDirectories(ctx.resolve("addtar"));
    Files.write(tarDir.resolve("files.tar"), new TarBuilder(Instant.EPOCH)
        .dir("pkg", 0755).file("pkg/readme", 0644, "from a tar\n").toBytes());
    Files.writeString(tarDir.resolve("Dockerfile"), "FROM busybox\nADD files.tar /opt/\n");
    assertEquals(0, t.run("docker build -t addtar:v1 " + tarDir).status());
    assertEquals("from a tar\n", t.run("docker run --rm addtar:v1 cat /opt/pkg/readme").out());
  }

  @Test
  void metadataInstructionsLandInTheConfig() throws Exception {
    Path dir = context("meta", String.join("\n", "FROM busybox", "MAINTAINER Ada <ada@example.com>",
        "EXPOSE 80 443/udp", "VOLUME /data", "USER nobody", "STOPSIGNAL SIGINT",
        "HEALTHCHECK --interval=30s --retries=3 CMD wget -q -O- http://localhost/ || exit 1",
        "ONBUILD RUN echo child", "SHELL [\"/bin/sh\", \"-x\", \"-c\"]", "RUN echo shell-form", ""));
    Transcript.Result r = t.run("docker build -t meta:v1 " + dir);
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("+ echo shell-form"), "SHELL changed how RUN runs: " + r.err());
    assertEquals("Ada <ada@example.com> nobody SIGINT [CMD-SHELL wget -q -O- http://localhost/ || exit 1] 3 "
        + "[RUN echo child] map[443/udp:map[] 80/tcp:map[]] map[/data:map[]]\n",
        t.run("docker inspect -f '{{.Author}} {{.Config.User}} {{.Config.StopSignal}} {{.Config.Healthcheck.Test}} "
            + "{{.Config.Healthcheck.Retries}} {{.Config.OnBuild}} {{.Config.ExposedPorts}} {{.Config.Volumes}}' meta:v1")
            .out());
  }

  @Test
  void badDockerfilesAndFailingStepsSayWhatAndWhere() throws Exception {
    Transcript.Result unknown = t.run("docker build " + context("bad", "FROM busybox\nRUNN echo hi\n"));
    assertEquals(1, unknown.status());
    assertEquals("Dockerfile:2: unknown instruction: RUNN (dockerfile parse error on line 2)\n", unknown.err());
    Transcript.Result failing = t.run("docker build " + context("fail", "FROM busybox\nRUN false\n"));
    assertEquals(1, failing.status());
    assertEquals("The command '/bin/sh -c false' returned a non-zero code: 1\n", failing.err());
    assertEquals(0, t.run("docker ps -aq").out().lines().count(), "the failed step's container is removed");
    Transcript.Result outside = t.run("docker build " + context("outside", "FROM busybox\nCOPY ../../etc/passwd /x\n"));
    assertEquals(1, outside.status());
    assertTrue(outside.err().contains("forbidden path outside the build context: ../../etc/passwd"), outside.err());
    Transcript.Result ignored = t.run("docker build " + context("ignored", "FROM busybox\nCOPY secret.txt /\n",
        "secret.txt", "x", ".dockerignore", "secret.txt\n"));
    assertEquals(1, ignored.status());
    assertTrue(ignored.err().contains("excluded by .dockerignore"), ignored.err());
    Path nobase = context("nobase", "FROM nosuchbase:v1\nCMD [\"true\"]\n");
    Transcript.Result missing = t.runIn("zh", "docker build " + nobase);
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("docklab 的构建不会拉取基础镜像；先 docker pull nosuchbase:v1"), missing.err());
    assertTrue(t.run("docker build " + nobase).err().contains("docker pull nosuchbase:v1 first"), "not: no registry");
  }
}
