package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REPL's start on a real terminal: the prompt first, the engine behind it, nothing typed lost. */
class ReplStartIT {
  private Path root;
  private Path home;
  private String jar;

  @BeforeEach
  void dirs() throws Exception {
    root = Files.createTempDirectory("docklab-start-");
    home = Files.createTempDirectory("docklab-start-home-");
    Path built = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(built), "package the shell first: " + built);
    jar = "env HOME=" + home + " LANG=C.UTF-8 java -jar " + built + " --data-root " + root;
  }

  @AfterEach
  void clean() throws Exception {
    for (Path m : Mounts.under(root)) {
      Posix.host().umount(m, Posix.MNT_DETACH);
    }
    Trees.deleteRecursively(root);
    Trees.deleteRecursively(home);
  }

  @Test
  void aLineTypedWhileTheEngineStartsRunsOnceItIsUpInTheLearnersLanguage() throws Exception {
    String name = "docklab-start-it-" + ProcessHandle.current().pid();
    try (TmuxSession t = TmuxSession.start(name, 80, 40, jar + " --lang zh")) {
      t.type("docker images -q busybox:latest | wc -l; echo typed-early");
      t.waitFor("欢迎使用 docklab", 90);
      t.waitFor("引擎已就绪：存储驱动 ", 90);
      t.waitFor("\n1\ntyped-early\n", 90);
      String screen = t.screen();
      assertTrue(screen.indexOf("欢迎使用") < screen.indexOf("正在用本机的软件包构建基础镜像"),
          "the first run's notices come after the welcome, above the prompt:\n" + screen);
      t.type("exit");
    }
  }

  @Test
  void aSecondReplBesideAnEngineThatIsNotServedSaysWhyAndEnds() throws Exception {
    String name = "docklab-start-it-a-" + ProcessHandle.current().pid();
    // a script holds the engine (its line opened it) and serves no socket (no host line named docker)
    try (TmuxSession first = TmuxSession.start(name, 80, 40,
        "sh -c '" + jar + " --lang en -c \"docker ps -q; echo holding; sleep 60\"'")) {
      first.waitFor("holding", 90);
      try (TmuxSession second = TmuxSession.start(name + "b", 80, 40,
          "sh -c '" + jar + " --lang en; echo status=$?; sleep 60'")) {
        second.waitFor("status=1", 60);
        String said = second.screen().replaceAll("\\s+", " ");
        assertTrue(said.contains("another docklab engine is using " + root), said);
      }
    }
  }
}
