package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.lessons.run.Failure;
import dev.docklab.shell.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonToolTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);

  @Test
  void eachWayALessonFailsIsSaidInTheLearnersLanguage() {
    Failure before = new Failure(Failure.Kind.HOLDS_BEFORE, 1, List.of(), null);
    assertEquals("step 1: the goal holds before its solution was typed", LessonTool.failure(before, EN));
    assertEquals("第 1 步：还没输入参考答案，目标就已经达成了", LessonTool.failure(before, ZH));
    Failure exited = new Failure(Failure.Kind.EXITED, 2, List.of("docker run nope", "125"), null);
    assertEquals("step 2: `docker run nope` exited with status 125", LessonTool.failure(exited, EN));
    assertEquals("第 2 步：`docker run nope` 的退出状态是 125", LessonTool.failure(exited, ZH));
    Failure reset = new Failure(Failure.Kind.RESET_DIFFERS, 0, List.of("[c web]", "[]"), null);
    assertEquals("reset: the lesson's things are not as at its start: missing [c web], not expected []",
        LessonTool.failure(reset, EN));
    assertEquals("重置：课程的东西和开始时不一样：缺少 [c web]，多出 []", LessonTool.failure(reset, ZH));
    Failure start = new Failure(Failure.Kind.START_STATE, 0, List.of(),
        EngineException.system(EngineMessage.CONMON_MISSING, null));
    assertEquals("起始状态：没有安装容器监控进程 conmon：用 apt-get install conmon 安装（scripts/docklab 会替你安装）",
        LessonTool.failure(start, ZH));
    for (Failure.Kind k : Failure.Kind.values()) {
      String zh = LessonTool.failure(new Failure(k, 1, List.of("a", "b", "c", "d"), null), ZH);
      assertEquals(List.of(), ZhLabelsTest.englishOf(zh), k + ": " + zh);
    }
  }
}
