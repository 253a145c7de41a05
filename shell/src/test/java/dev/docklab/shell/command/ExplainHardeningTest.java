package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code explain docker run} for the security and root flags, in both languages. */
class ExplainHardeningTest {
  private static String explain(Messages.Lang lang, String... words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Session s = new Session(() -> {
      throw new AssertionError("explain docker asks no engine");
    }, ps, ps, InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE);
    s.trace().explaining("explain " + String.join(" ", words));
    assertEquals(0, ExplainCommand.run(List.of(words), s));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachFlagHasItsLine() {
    String en = explain(Messages.Lang.EN, "docker", "run", "--privileged", "--cap-add", "NET_ADMIN", "--cap-drop",
        "ALL", "--read-only", "--tmpfs", "/tmp", "--shm-size", "1g", "--ulimit", "nofile=10", "--sysctl",
        "net.core.somaxconn=1", "--device", "/dev/zero", "--device-cgroup-rule", "c 1:5 r", "--group-add", "mail",
        "--userns", "host", "--storage-opt", "size=1G", "busybox");
    for (String line : List.of("  --privileged\n      every capability, every host device in its /dev",
        "  --cap-add NET_ADMIN\n      give its process these capabilities",
        "  --cap-drop ALL\n      take these capabilities away",
        "  --read-only\n      its root is mounted read-only",
        "  --tmpfs /tmp\n      a filesystem in memory at this path",
        "  --shm-size 1g\n      the size of its /dev/shm",
        "  --ulimit nofile=10\n      a resource limit (rlimit)",
        "  --sysctl net.core.somaxconn=1\n      a kernel setting in its own namespace",
        "  --device /dev/zero\n      a host device node made in its /dev",
        "  --device-cgroup-rule c 1:5 r\n      a device its control group",
        "  --group-add mail\n      more groups for its process",
        "  --userns host\n      host: the host's user namespace",
        "  --storage-opt size=1G\n      options for its storage driver")) {
      assertTrue(en.contains(line), line + " in\n" + en);
    }
    String zh = explain(Messages.Lang.ZH, "docker", "run", "--cap-add", "NET_ADMIN", "--read-only", "busybox");
    assertTrue(zh.contains("  --cap-add NET_ADMIN\n      在 Docker 默认的 14 种能力之外"), zh);
    assertTrue(zh.contains("  --read-only\n      它的根文件系统（rootfs）挂载为只读"), zh);
  }
}
