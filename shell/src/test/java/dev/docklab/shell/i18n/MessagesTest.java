package dev.docklab.shell.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.cli.Option;
import dev.docklab.shell.command.Command;
import dev.docklab.shell.command.DockerCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and every pattern survives MessageFormat. */
class MessagesTest {
  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/docklab/shell/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertEquals(new TreeSet<>(load("messages_en.properties").stringPropertyNames()),
        new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames()));
  }

  @Test
  void everyCommandAndFlagIsDescribedInBothLanguages() throws IOException {
    Properties en = load("messages_en.properties");
    Properties zh = load("messages_zh_CN.properties");
    List<String> missing = new ArrayList<>();
    for (Command c : new DockerCli().commands()) {
      List<String> keys = new ArrayList<>(List.of("cmd." + c.name() + ".summary"));
      for (Option o : c.options()) {
        keys.add(o.helpKey());
      }
      for (String k : keys) {
        if (!en.containsKey(k) || !zh.containsKey(k)) {
          missing.add(k);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void apostrophesAreDoubledExactlyWhereMessageFormatReadsThePattern() throws IOException {
    Pattern arg = Pattern.compile("\\{\\d}");
    Pattern single = Pattern.compile("(?<!')'(?!')");
    List<String> bad = new ArrayList<>();
    for (String file : List.of("messages_en.properties", "messages_zh_CN.properties")) {
      Properties p = load(file);
      for (String k : p.stringPropertyNames()) {
        String v = p.getProperty(k);
        boolean formatted = arg.matcher(v).find();
        if (formatted && single.matcher(v).find() || !formatted && v.contains("''")) {
          bad.add(file + ": " + k);
        }
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void argumentsAreFilledIn() {
    Messages en = new Messages(Messages.Lang.EN);
    assertEquals("kernels in the image's layers (boot/vmlinuz*): 0", en.get("explain.boot.no-kernel", "0"));
    assertTrue(new Messages(Messages.Lang.ZH).get("lang.set").contains("简体中文"));
  }
}
