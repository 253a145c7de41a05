package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.shell.i18n.Messages;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SaidTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);

  @ParameterizedTest
  @EnumSource(EngineMessage.class)
  void everyOwnEngineMessageIsSaidInBothLanguagesAndTheEnglishIsTheEngines(EngineMessage said) {
    Object[] args = IntStream.range(0, 6).mapToObj(i -> "ARG" + i).toArray();
    EngineException e = EngineException.system(said, null, args);
    assertEquals(e.getMessage(), Said.of(e, EN), "the en bundle's " + said.key() + " is the engine's English");
    assertTrue(ZH.has(said.key()), said.key());
    String zh = Said.of(e, ZH);
    assertNotEquals(e.getMessage(), zh, said.key());
    for (int i = 0; i < 6; i++) {
      assertEquals(e.getMessage().contains("ARG" + i), zh.contains("ARG" + i), said.key() + " keeps its arguments");
    }
  }

  @Test
  void missingConmonIsTaughtInTheLearnersLanguageAndDockersOwnLinesStayEnglish() {
    EngineException conmon = EngineException.system(EngineMessage.CONMON_MISSING, null);
    assertEquals("没有安装容器监控进程 conmon：用 apt-get install conmon 安装（scripts/docklab 会替你安装）",
        Said.of(conmon, ZH));
    assertEquals("the container monitor conmon is not installed: install it with apt-get install conmon "
        + "(scripts/docklab does this for you)", conmon.getMessage());
    EngineException docker = EngineException.notFound("No such container: web");
    assertEquals("No such container: web", Said.of(docker, ZH));
  }
}
