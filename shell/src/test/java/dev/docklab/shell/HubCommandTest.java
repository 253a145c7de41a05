package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.shell.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCommandTest {
  @TempDir
  Path dataRoot;

  private String errOf(Messages.Lang lang, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = HubCommand.run(List.of(args), dataRoot, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new Messages(lang));
    assertEquals(1, rc);
    return err.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void theHubsAccountErrorsReachTheLearnerInChinese() {
    assertEquals("docklab：无效的用户名“Bad_Name”：请用 2 到 30 个小写字母和数字",
        errOf(Messages.Lang.ZH, "secret123\n", "user", "add", "Bad_Name", "--password-stdin"));
    assertEquals("docklab：密码至少要有 6 个字符",
        errOf(Messages.Lang.ZH, "abc\n", "user", "add", "alice", "--password-stdin"));
    assertEquals("docklab：没有这个用户：nobody", errOf(Messages.Lang.ZH, "", "user", "rm", "nobody"));
  }

  @Test
  void andInEnglishForAnEnglishLearner() {
    assertEquals("docklab: invalid user name \"Bad_Name\": use 2 to 30 lowercase letters and digits",
        errOf(Messages.Lang.EN, "secret123\n", "user", "add", "Bad_Name", "--password-stdin"));
    assertEquals("docklab: no such user: nobody", errOf(Messages.Lang.EN, "", "user", "rm", "nobody"));
  }
}
