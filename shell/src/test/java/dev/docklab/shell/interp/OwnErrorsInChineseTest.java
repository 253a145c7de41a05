package dev.docklab.shell.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A docker run line the client refuses, typed in a zh-CN session: docklab's own wording comes in Chinese,
 * Docker's own stays as Docker prints it; the lines need no engine.
 */
class OwnErrorsInChineseTest {
  private final Interpreter interpreter = new Interpreter(new Builtins(new DockerCli(), (args, s) -> 0));
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir
  Path workspace;
  private Session session;

  @BeforeEach
  void open() {
    session = new Session(() -> {
      throw new AssertionError("these lines need no engine");
    }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(),
        new Messages(Messages.Lang.ZH), Session.Foreground.NONE);
    session.state().setWorkspace(workspace);
  }

  private String firstErrorLine(String text) {
    err.reset();
    interpreter.run(interpreter.parse(text, session), session);
    return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }

  @Test
  void aHostPortRangeOnOneContainerPortIsExplainedInChinese() {
    assertEquals("docker: docklab 的端口映射是一个宿主机端口对应一个容器端口：请用 8000:80，不要用宿主机端口范围 8000-8002.",
        firstErrorLine("docker run -p 8000-8002:80 busybox"));
  }

  @Test
  void aMountTypeDocklabDoesNotKnowIsExplainedInChinese() {
    assertEquals("docker: 无效的挂载类型：\"npipe\"（docklab 支持 bind（绑定挂载）和 volume（数据卷））.",
        firstErrorLine("docker run --mount type=npipe,target=/x busybox"));
  }

  @Test
  void dockersOwnVolumeErrorStaysInDockersEnglish() {
    assertEquals("docker: invalid volume specification: 'a:b:c:d'.", firstErrorLine("docker run -v a:b:c:d busybox"));
  }
}
