package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.io.Interaction;
import dev.docklab.shell.io.StreamInteraction;
import dev.docklab.shell.render.Text;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code explain docker ...}: each operand with its own meaning, the line as typed, wrapped to the terminal. */
class ExplainDockerTest {
  static List<String> explain(String typed, Messages.Lang lang, int width) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    StreamInteraction plain = new StreamInteraction(ps, ps, InputStream.nullInputStream());
    Interaction wide = (Interaction) Proxy.newProxyInstance(Interaction.class.getClassLoader(),
        new Class<?>[] {Interaction.class}, (proxy, method, args) -> {
          if (method.getName().equals("width")) {
            return width;
          }
          try {
            return method.invoke(plain, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Session s = new Session(() -> {
      throw new AssertionError("explain docker asks no engine");
    }, ps, ps, InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE, wide);
    s.trace().explaining(typed);
    List<String> words = Pattern.compile("'[^']*'|\\S+").matcher(typed.substring("explain ".length())).results()
        .map(r -> r.group().replace("'", "")).toList();
    assertEquals(0, ExplainCommand.run(words, s));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void commitNamesTheContainerAndTheNewImageEachForWhatItIs() {
    List<String> lines = explain("explain docker commit busybox-ctr tomcat/centos6.8:v9.0", Messages.Lang.EN, 140);
    String all = String.join("\n", lines);
    assertTrue(all.contains("  busybox-ctr\n      CONTAINER: the container whose changes (its read-write layer) become the "
        + "new image's top layer"), all);
    assertTrue(all.contains("  tomcat/centos6.8:v9.0\n      REPOSITORY[:TAG]: the new image's name: "
        + "docker.io/tomcat/centos6.8:v9.0"), all);
    assertFalse(all.contains("the containers or images it works on"), all);
  }

  @Test
  void processFlagsOfRunHaveTheirMeaningInBothLanguages() {
    String en = String.join("\n", explain("explain docker run -w /tmp -u nobody -h myhost --entrypoint echo "
        + "--env-file app.env busybox hi", Messages.Lang.EN, 200));
    assertTrue(en.contains("  -w, --workdir /tmp\n      the directory its process starts in"), en);
    assertTrue(en.contains("  -u, --user nobody\n      the user (and group) its process runs as"), en);
    assertTrue(en.contains("  -h, --hostname myhost\n      the name the container sees as its own"), en);
    assertTrue(en.contains("  --entrypoint echo\n      the program to run instead of the image's ENTRYPOINT"), en);
    assertTrue(en.contains("  --env-file app.env\n      KEY=VALUE lines read from a file"), en);
    String zh = String.join("\n", explain("explain docker run -w /tmp busybox pwd", Messages.Lang.ZH, 200));
    assertTrue(zh.contains("  -w, --workdir /tmp\n      进程启动时所在的目录"), zh);
  }

  @Test
  void eachCommandsOperandsHaveTheirOwnMeaning() {
    String search = String.join("\n", explain("explain docker search tomcat", Messages.Lang.EN, 80));
    assertTrue(search.contains("TERM: the word to look for"), search);
    String tag = String.join("\n", explain("explain docker tag busybox me/box:1", Messages.Lang.EN, 80));
    assertTrue(tag.contains("SOURCE_IMAGE[:TAG]: the image that gets one more name"), tag);
    assertTrue(tag.contains("TARGET_IMAGE[:TAG]: the new name: docker.io/me/box:1"), tag);
    String run = String.join("\n", explain("explain docker run -it busybox sh -c 'echo hi'", Messages.Lang.EN, 140));
    assertTrue(run.contains("IMAGE: the image to make the container from: docker.io/library/busybox:latest"), run);
    assertTrue(run.contains("  sh -c 'echo hi'\n      COMMAND: the command to run instead of the image's CMD"), run);
    String zh = String.join("\n", explain("explain docker push alice/hello", Messages.Lang.ZH, 80));
    assertTrue(zh.contains("NAME[:TAG]: 要上传的镜像：docker.io/alice/hello:latest"), zh);
  }

  @Test
  void everyOperandOfEveryCommandHasAMeaningInBothLanguages() {
    Messages en = new Messages(Messages.Lang.EN);
    Messages zh = new Messages(Messages.Lang.ZH);
    for (Command c : new DockerCli().commands()) {
      for (Operands.Slot slot : Operands.slots(c)) {
        String specific = "explain.operand." + c.name().replace(' ', '-') + "." + slot.key();
        String generic = "explain.operand." + slot.key();
        for (Messages m : List.of(en, zh)) {
          assertTrue(m.has(specific) || m.has(generic), c.usage() + ": " + slot.label());
        }
      }
    }
  }

  @Test
  void theLineIsShownAsTypedAndWrappedToTheTerminalNotCutAt80() {
    String typed = "explain docker run -d --name web -p 8080:80 -v /srv/www:/usr/share/nginx/html:ro busybox "
        + "sh -c 'httpd -f -p 80'";
    List<String> wide = explain(typed, Messages.Lang.EN, 140);
    assertEquals("docker run -d --name web -p 8080:80 -v /srv/www:/usr/share/nginx/html:ro busybox sh -c 'httpd -f -p 80'",
        wide.get(0));
    assertTrue(wide.stream().anyMatch(l -> Text.width(l) > 80), "a 140-column terminal gets lines over 80");
    assertTrue(wide.stream().allMatch(l -> Text.width(l) <= 140));
    List<String> narrow = explain(typed, Messages.Lang.ZH, 60);
    assertTrue(narrow.stream().allMatch(l -> Text.width(l) <= 60), String.join("\n", narrow));
    assertFalse(String.join("\n", narrow).contains("…"), String.join("\n", narrow));
  }
}
