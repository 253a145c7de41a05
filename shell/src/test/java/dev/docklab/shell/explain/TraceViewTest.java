package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.SignalWait;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceViewTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);
  private static final String ID1 = "a".repeat(64);
  private static final String ID2 = "b".repeat(64);

  private static final List<EngineEvent> PUSH = List.of(
      new EngineEvent(EventStep.HTTP, "localhost:5000", "POST /v2/alice/hello/blobs/uploads/ -> 401 (Bearer "
          + "realm=\"http://localhost:5000/token\",service=\"localhost:5000\",scope=\"repository:alice/hello:pull\")",
          Duration.ofMillis(3)),
      new EngineEvent(EventStep.TOKEN, "localhost", "GET /token?service=localhost:5000&scope=repository:alice/hello:"
          + "pull,push&account=alice -> 200 (as alice, Basic auth)", Duration.ofMillis(40)),
      new EngineEvent(EventStep.HTTP, "localhost:5000", "HEAD /v2/alice/hello/blobs/sha256:" + "0123456789abcdef".repeat(4)
          + " -> 404", Duration.ofMillis(2)));

  private static String joined(List<String> lines) {
    return String.join(" ", lines.stream().map(String::strip).toList());
  }

  @Test
  void eachRequestIsOneEntryWrappedWithinTheWidthWithItsStatus() {
    for (int width : new int[] {60, 80, 140}) {
      List<String> lines = TraceView.lines("docker push alice/hello", PUSH, Map.of(), EN, width);
      for (String l : lines) {
        assertTrue(Text.width(l) <= width, width + ": " + l);
        assertTrue(!l.strip().startsWith(")") && !l.strip().startsWith("Basic auth"), "split at a comma: " + l);
      }
      String all = String.join("\n", lines);
      assertTrue(String.join("", lines).replace(" ", "").contains("scope=\"repository:alice/hello:pull\")"), all);
      assertTrue(String.join("", lines).replace(" ", "").contains("sha256:" + "0123456789abcdef".repeat(4) + "->404"),
          "the HEAD keeps its status: " + all);
      assertTrue(joined(lines).contains("-> 200 (as alice, Basic auth)"), all);
    }
    List<String> wide = TraceView.lines("docker push alice/hello", PUSH, Map.of(), EN, 140);
    assertEquals("       GET /token?service=localhost:5000&scope=repository:alice/hello:pull,push&account=alice -> 200 "
        + "(as alice, Basic auth)", wide.get(6));
  }

  @Test
  void aCommandThatMadeNoEngineStepIsSaidSoNotAskedFor() {
    assertEquals(List.of("No engine steps yet: run a docker command first,", "e.g. docker run busybox echo hello."),
        TraceView.lines("", List.of(), Map.of(), EN, 80));
    List<String> ps = TraceView.lines("docker ps -q", List.of(), Map.of(), EN, 80);
    assertTrue(ps.get(0).startsWith("docker ps -q made no engine step"), String.join("\n", ps));
    assertTrue(ps.stream().allMatch(l -> Text.width(l) <= 80), String.join("\n", ps));
    List<String> zh = TraceView.lines("docker ps -q", List.of(), Map.of(), ZH, 60);
    assertTrue(zh.get(0).startsWith("docker ps -q 没有产生引擎步骤"), String.join("\n", zh));
    assertTrue(zh.stream().allMatch(l -> Text.width(l) <= 60), String.join("\n", zh));
  }

  @Test
  void theGracePeriodOfAStopShowsTheWaitAndWhy() {
    String wait = new SignalWait(Duration.ofMillis(10_004), "TERM", "sh", SignalWait.Handler.NONE, false).detail();
    List<EngineEvent> stop = List.of(
        new EngineEvent(EventStep.SIGNAL, ID1, "SIGTERM to PID 1 (runc kill)", Duration.ZERO),
        new EngineEvent(EventStep.WAIT, ID1, wait, Duration.ofMillis(10_004)),
        new EngineEvent(EventStep.SIGNAL, ID1, "SIGKILL to PID 1 (runc kill)", Duration.ZERO),
        new EngineEvent(EventStep.SIGNAL, ID2, "SIGTERM to PID 1 (runc kill)", Duration.ZERO),
        new EngineEvent(EventStep.EXIT, ID1, "exit code 137", Duration.ZERO));
    List<String> en = TraceView.lines("docker stop $(docker ps -q)", stop, Map.of(ID1, "web"), EN, 80);
    String all = joined(en);
    assertTrue(en.contains(" 2. wait         10.0 s  the grace period: wait for PID 1 to exit"), String.join("\n", en));
    assertTrue(all.contains("[web] No exit in 10.0 s: PID 1 (sh) has no handler for SIGTERM"), all);
    assertTrue(all.contains("the kernel applies no default action to PID 1 of a PID namespace"), all);
    assertTrue(all.contains("[web] SIGKILL to PID 1"), all);
    assertTrue(all.contains("[bbbbbbbbbbbb] SIGTERM to PID 1"), "a container gone is named by its short id: " + all);
    assertTrue(en.stream().allMatch(l -> Text.width(l) <= 80), String.join("\n", en));
    String zh = joined(TraceView.lines("docker stop web", stop, Map.of(ID1, "web"), ZH, 80));
    assertTrue(zh.contains("[web] 10.0 s 内没有退出：PID 1（sh）没有 SIGTERM 的处理函数"), zh);
    String exited = new SignalWait(Duration.ofMillis(120), "TERM", "nginx", SignalWait.Handler.CAUGHT, true).detail();
    assertTrue(joined(TraceView.lines("docker stop web", List.of(new EngineEvent(EventStep.WAIT, ID1, exited,
        Duration.ofMillis(120))), Map.of(), EN, 80)).contains("PID 1 (nginx) exited 120.0 ms after SIGTERM."));
  }

  @Test
  void theEnginesOwnWordsInAStepAreSaidInTheLearnersLanguageAndArtifactsStayAsTheyAre() {
    List<EngineEvent> stop = List.of(
        EngineEvent.said(EventStep.SIGNAL, ID1, Duration.ZERO, EngineMessage.EVENT_SIGNAL, "TERM", "runc"),
        EngineEvent.said(EventStep.EXIT, ID1, Duration.ZERO, EngineMessage.EVENT_EXIT_OOM, 137),
        EngineEvent.said(EventStep.NETWORK, ID1, Duration.ofMillis(30), EngineMessage.EVENT_RELEASED,
            "172.17.0.2", "veth6cf1adb9", "/run/netns/docklab-aaaa", "[]"),
        new EngineEvent(EventStep.UNMOUNT, ID1, "/var/lib/docklab/containers/a/merged", Duration.ofMillis(2)));
    assertEquals("SIGTERM to PID 1 (runc kill)", stop.get(0).detail(), "the English stays for logs");
    assertEquals("exit code 137, killed by the kernel's OOM killer", stop.get(1).detail());
    String en = joined(TraceView.lines("docker stop web", stop, Map.of(ID1, "web"), EN, 80));
    assertTrue(en.contains("[web] SIGTERM to PID 1 (runc kill)"), en);
    assertTrue(en.contains("[web] released 172.17.0.2, removed veth6cf1adb9 and /run/netns/docklab-aaaa"), en);
    String zh = joined(TraceView.lines("docker stop web", stop, Map.of(ID1, "web"), ZH, 80));
    assertTrue(zh.contains("[web] 向 PID 1 发送 SIGTERM（runc kill）"), zh);
    assertTrue(zh.contains("[web] 退出码 137，因内存不足被内核杀死 (OOM)"), zh);
    assertTrue(zh.contains("[web] 释放了 172.17.0.2，删除了 veth6cf1adb9 和 /run/netns/docklab-aaaa"), zh);
    assertTrue(zh.contains("[web] /var/lib/docklab/containers/a/merged"), zh);
    for (String english : List.of("to PID 1", "exit code", "released", "removed")) {
      assertTrue(!zh.contains(english), english + " in " + zh);
    }
  }

  @Test
  void aRemoveStepSaysDockerRmRemovesToo() {
    List<EngineEvent> rm = List.of(new EngineEvent(EventStep.REMOVE, ID1, "/var/lib/docklab/containers/a", Duration.ZERO));
    assertTrue(joined(TraceView.lines("docker rm web", rm, Map.of(), EN, 80)).contains("remove the container (docker rm,"));
    assertTrue(joined(TraceView.lines("docker rm web", rm, Map.of(), ZH, 80)).contains("删除容器（docker rm，"));
  }

  @Test
  void aWaitDetailReadsBackAsItWasWritten() {
    SignalWait w = new SignalWait(Duration.ofMillis(42), "TERM", "sleep", SignalWait.Handler.IGNORED, false);
    assertEquals("waited 42 ms for SIGTERM; PID 1: sleep; handler: ignored; no exit", w.detail());
    assertEquals(w, SignalWait.parse(w.detail()));
    assertEquals(null, SignalWait.parse("SIGTERM to PID 1"));
  }

  @Test
  void eachRestCallIsOneLineWithMethodPathStatusAndTimeAfterALegendNamingTheClients() {
    List<EngineEvent> calls = List.of(
        new EngineEvent(EventStep.API, "docker ps -q (PID 4242)", "HEAD /_ping -> 200", Duration.ofMillis(1)),
        new EngineEvent(EventStep.API, "docker ps -q (PID 4242)", "GET /v1.47/containers/json -> 200",
            Duration.ofMillis(4)),
        new EngineEvent(EventStep.API, "docker stop 0123abcd (PID 4250)", "POST /v1.47/containers/0123abcd/stop -> 204",
            Duration.ofMillis(312)));
    List<String> en = TraceView.lines("docker ps -q | xargs docker stop", calls, Map.of(), EN, 80);
    assertEquals(List.of("What happened for: docker ps -q | xargs docker stop", "",
        "api: a REST call of the Docker Engine API, made over docklab's socket by docker",
        "  ps -q (PID 4242), docker stop 0123abcd (PID 4250)", "",
        " 1. api          1.0 ms  HEAD /_ping -> 200",
        " 2. api          4.0 ms  GET /v1.47/containers/json -> 200",
        " 3. api        312.0 ms  POST /v1.47/containers/0123abcd/stop -> 204"), en);
    List<String> zh = TraceView.lines("docker ps", calls.subList(0, 2), Map.of(), ZH, 80);
    assertEquals(List.of("api：Docker Engine API 的一次 REST 调用，由 docker ps -q (PID 4242) 通过 docklab", "  的套接字发出"),
        zh.subList(2, 4));
    assertEquals(" 2. api          4.0 ms  GET /v1.47/containers/json -> 200", zh.get(6));
  }

  @Test
  void aRestCallWiderThanTheTerminalGoesOnUnderItsStart() {
    List<EngineEvent> call = List.of(new EngineEvent(EventStep.API, "docker ps (PID 1)",
        "GET /v1.47/containers/json?all=1&filters={\"name\":{\"r1\":true}} -> 200", Duration.ofMillis(5)));
    List<String> lines = TraceView.lines("docker ps -a", call, Map.of(), EN, 60);
    for (String l : lines) {
      assertTrue(Text.width(l) <= 60, "too wide: " + l);
    }
    int at = lines.indexOf(" 1. api          5.0 ms  GET /v1.47/containers/json?all=1&");
    assertTrue(at > 0, lines.toString());
    assertEquals(" ".repeat(25) + "filters={\"name\":{\"r1\":true}} -> 200", lines.get(at + 1));
  }
}
