package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesToolTest {
  @TempDir
  Path dataRoot;

  private record Said(int status, String out, String err) {}

  private Said run(Messages.Lang lang, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ImagesTool.run(List.of(args), EngineOptions.at(dataRoot), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Messages(lang));
    return new Said(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anImageDebianCannotBuildIsRefusedBeforeAnythingRuns() {
    Said en = run(Messages.Lang.EN, "add", "centos");
    assertEquals(2, en.status());
    assertEquals("docklab: docklab cannot add an image named centos: it adds debian, tomcat, which Debian's packages "
        + "can build", en.err().lines().findFirst().orElseThrow());
    Said zh = run(Messages.Lang.ZH, "add", "centos");
    assertEquals("docklab：docklab 不能添加名为 centos 的镜像：它能添加的是 debian, tomcat，这些可以用 Debian 的软件包制作",
        zh.err().lines().findFirst().orElseThrow());
    assertEquals("", en.out());
  }

  @Test
  void aBadMirrorOrAMissingValueGetsTheUsage() {
    Said bad = run(Messages.Lang.EN, "add", "debian", "--mirror", "ftp.debian.org");
    assertEquals(2, bad.status());
    assertEquals("docklab: invalid mirror ftp.debian.org: give a Debian mirror's URL, such as "
        + "http://deb.debian.org/debian", bad.err().lines().findFirst().orElseThrow());
    Said missing = run(Messages.Lang.EN, "add", "debian", "--suite");
    assertEquals(2, missing.status());
    assertEquals("Usage: docklab images add debian|tomcat [--mirror URL] [--suite SUITE]",
        missing.err().lines().findFirst().orElseThrow());
    assertEquals(2, run(Messages.Lang.EN, "ls").status());
  }

  @Test
  void mainHandsImagesToTheTool() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--data-root", dataRoot.toString(), "--lang", "en", "images", "add", "centos"},
        InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertEquals("docklab: docklab cannot add an image named centos: it adds debian, tomcat, which Debian's packages "
        + "can build", err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
  }
}
