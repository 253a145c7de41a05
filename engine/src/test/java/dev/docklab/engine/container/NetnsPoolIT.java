package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.EngineFixture;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.sys.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The network namespaces made ahead of need: taken by starts, gone when the engine closes or after a crash. */
class NetnsPoolIT {
  @RegisterExtension
  final EngineFixture fx = new EngineFixture();



  private Path notes() {
    return fx.root().resolve("network").resolve("pool");
  }

  /** The pool's namespaces as its notes name them, once there are {@code count} (10 s at most). */
  private List<Path> awaitPool(int count) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<Path> spares = noted();
      if (spares.size() >= count && spares.stream().allMatch(Files::exists)) {
        return spares;
      }
      assertTrue(System.nanoTime() < deadline, "the pool never filled: " + spares);
      Thread.sleep(20);
    }
  }

  private List<Path> noted() throws Exception {
    if (!Files.isDirectory(notes())) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(notes())) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(NetnsPool.PREFIX))
          .map(BridgeNetwork.NETNS_DIR::resolve).toList();
    }
  }

  private static String ip(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  @Test
  void aStartTakesANamespaceOfThePoolAndTheEngineLeavesNoneWhenItCloses() throws Exception {
    assertEquals(0, fx.engine().containers().run(RunRequest.of("busybox", "true"), (s, b) -> { }).exitCode());
    List<Path> spares = awaitPool(2);
    Container c = fx.engine().containers().create(RunRequest.of("busybox", "sleep", "30"),
        fx.engine().images().find("busybox"));
    c = fx.engine().containers().start(c.id(), false).container();
    Path own = BridgeNetwork.netnsPath(c.id());
    assertEquals(own.toString(), c.network().sandboxKey(), "the namespace goes by the container's own name");
    assertTrue(spares.stream().anyMatch(s -> !Files.exists(s)), "one of " + spares + " was taken");
    String lo = ip("-n", own.getFileName().toString(), "link", "show", "lo");
    assertTrue(lo.contains("UP"), "lo is up in the namespace taken from the pool: " + lo);
    assertTrue(ip("-n", own.getFileName().toString(), "-4", "addr", "show", "eth0")
        .contains(c.network().ipAddress() + "/"), "eth0 has the container's address");
    fx.engine().containers().remove(c.id(), true, false);
    List<Path> before = awaitPool(2);
    fx.engine().close();
    fx.forget();
    for (Path spare : before) {
      assertFalse(Files.exists(spare), spare + " is removed when the engine closes");
    }
    assertEquals(List.of(), noted(), "no note of the pool is left");
    fx.reopen();
  }

  @Test
  void whatAPoolLeftWithoutClosingIsRemovedWhenTheNextEngineOpens() throws Exception {
    fx.engine().close();
    fx.forget();
    // a pool whose engine ended without closing: namespaces made and noted, one noted but never made
    NetnsPool abandoned = new NetnsPool(notes(), 2, Posix.host(), EngineListener.NONE);
    abandoned.fillLater();
    List<Path> left = awaitPool(2);
    Files.createFile(notes().resolve(NetnsPool.PREFIX + "000000000000"));
    for (Path spare : left) {
      assertTrue(Files.exists(spare));
    }
    fx.reopen();
    for (Path spare : left) {
      assertFalse(Files.exists(spare), spare + " is removed by the next engine's recovery");
    }
    assertEquals(List.of(), noted(), "no note of the pool is left");
  }
}
