package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.io.StreamInteraction;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code explain docker run} on the resource flags: each has its meaning in both languages. */
class ResourceExplainTest {
  private static String explain(Messages.Lang lang, String... words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Session s = new Session(() -> {
      throw new AssertionError("explain docker asks no engine");
    }, ps, ps, InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE,
        new StreamInteraction(ps, ps, InputStream.nullInputStream()));
    assertEquals(0, ExplainCommand.run(List.of(words), s));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyResourceFlagHasItsMeaningInBothLanguages() {
    for (var o : ResourceFlags.options()) {
      for (Messages m : List.of(new Messages(Messages.Lang.EN), new Messages(Messages.Lang.ZH))) {
        assertTrue(m.has("explain.flag." + o.name()), o.name());
        assertTrue(m.has(o.helpKey()), o.helpKey());
      }
    }
    String en = explain(Messages.Lang.EN, "docker", "run", "--cpus", "1.5", "-c", "512", "--memory-swap", "-1",
        "busybox");
    assertTrue(en.contains("--cpus 1.5"), en);
    assertTrue(en.contains("a CPU limit: --cpus 1.5 lets it use one and a half CPUs' time"), en);
    assertTrue(en.contains("-c, --cpu-shares 512"), en);
    assertTrue(en.contains("-1 for unlimited swap"), en);
    String zh = explain(Messages.Lang.ZH, "docker", "run", "--oom-score-adj", "500", "busybox");
    assertTrue(zh.contains("宿主机的 OOM 杀手有多愿意选中它的进程"), zh);
  }
}
