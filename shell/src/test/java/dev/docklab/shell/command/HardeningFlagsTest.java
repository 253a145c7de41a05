package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.FlagParser;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code docker run}'s hardening flags as the docker client reads them, and its errors for bad values. */
class HardeningFlagsTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Hardening read(Messages.Lang lang, String... argv) {
    List<Option> options = new ArrayList<>(HardeningFlags.options());
    options.add(Option.bool("privileged", '\0', "opt.run.privileged"));
    options.add(Option.value("security-opt", '\0', "list", "opt.run.security-opt"));
    Args args = FlagParser.parse("docker run", options, false, List.of(argv));
    Session s = new Session(() -> {
      throw new AssertionError("the flags are read without the engine");
    }, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE);
    return HardeningFlags.read(args, s);
  }

  @Test
  void everyFlagIsReadIntoTheRequest() {
    Hardening h = read(Messages.Lang.EN, "--cap-add", "net_admin", "--cap-drop", "ALL", "--read-only",
        "--tmpfs", "/run:size=1m,exec", "--tmpfs", "/tmp", "--shm-size", "128m", "--ulimit", "nofile=1024:2048",
        "--ulimit", "nproc=50", "--sysctl", "net.ipv4.ip_forward=1", "--sysctl", "kernel.shmmax=1=2",
        "--device", "/dev/zero:/dev/myzero", "--device", "/dev/null:r", "--device-cgroup-rule", "c 1:5 rwm",
        "--group-add", "audio", "--group-add", "1234", "--userns", "host", "busybox");
    assertEquals(List.of("CAP_NET_ADMIN"), h.capAdd());
    assertEquals(List.of("ALL"), h.capDrop());
    assertTrue(h.readOnlyRootfs());
    assertEquals(Map.of("/run", "size=1m,exec", "/tmp", ""), h.tmpfs());
    assertEquals(128L << 20, h.shmSize());
    assertEquals(List.of(new Hardening.Ulimit("nofile", 1024, 2048), new Hardening.Ulimit("nproc", 50, 50)),
        h.ulimits());
    assertEquals(Map.of("net.ipv4.ip_forward", "1", "kernel.shmmax", "1=2"), h.sysctls());
    assertEquals(List.of(new Hardening.Device("/dev/zero", "/dev/myzero", "rwm"),
        new Hardening.Device("/dev/null", "/dev/null", "r")), h.devices());
    assertEquals(List.of("c 1:5 rwm"), h.deviceCgroupRules());
    assertEquals(List.of("audio", "1234"), h.groupAdd());
    assertEquals("host", h.usernsMode());
    assertNull(h.maskedPaths());
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void capabilitiesAreNormalizedAsTheDockerClientSendsThem() {
    assertEquals(List.of(List.of("CAP_CHOWN", "CAP_NET_ADMIN"), List.of("CAP_NET_RAW")),
        HardeningFlags.capabilities(List.of("net_admin", " chown", "CAP_NET_ADMIN"), List.of("net_raw", "CHOWN")));
    assertEquals(List.of(List.of("ALL"), List.of()),
        HardeningFlags.capabilities(List.of("all", "net_admin"), List.of("ALL", "chown")), "adding wins");
    assertEquals(List.of(List.of("CAP_NET_ADMIN"), List.of("ALL")),
        HardeningFlags.capabilities(List.of("net_admin"), List.of("all", "chown")));
  }

  @Test
  void systempathsUnconfinedLeavesNoPathMaskedOrReadOnly() {
    Hardening h = read(Messages.Lang.EN, "--security-opt", "systempaths=unconfined", "busybox");
    assertEquals(List.of(), h.maskedPaths());
    assertEquals(List.of(), h.readonlyPaths());
  }

  @Test
  void privilegedIsAcceptedWithAWarningInTheLearnersLanguage() {
    assertTrue(read(Messages.Lang.EN, "--privileged", "busybox").privileged());
    assertEquals("WARNING: --privileged: this container has every capability and all of the host's devices, with no "
        + "seccomp filter: root in it is root on this machine", unwrapped(" "));
    err.reset();
    read(Messages.Lang.ZH, "--privileged", "busybox");
    assertEquals("警告：--privileged：这个容器拥有全部能力和宿主机的所有设备，且没有 seccomp 过滤：容器里的 root 就是这台机器的 root",
        unwrapped(""));
  }

  /** The warning's lines, each within 80 columns, joined back with {@code glue}. */
  private String unwrapped(String glue) {
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.stream().allMatch(l -> Text.width(l) <= 80), lines.toString());
    return String.join(glue, lines.stream().map(String::strip).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--ulimit|nofile|invalid argument \"nofile\" for \"--ulimit\" flag: invalid ulimit argument: nofile",
      "--ulimit|files=1|invalid argument \"files=1\" for \"--ulimit\" flag: invalid ulimit type: files",
      "--ulimit|nofile=a|invalid argument \"nofile=a\" for \"--ulimit\" flag: strconv.ParseInt: parsing \"a\": "
          + "invalid syntax",
      "--ulimit|nofile=1:2:3|invalid argument \"nofile=1:2:3\" for \"--ulimit\" flag: too many limit value arguments"
          + " - 1:2:3, can only have up to two, `soft[:hard]`",
      "--ulimit|nofile=20:10|invalid argument \"nofile=20:10\" for \"--ulimit\" flag: ulimit soft limit must be less "
          + "than or equal to hard limit: 20 > 10",
      "--sysctl|kernel.hostname=x|invalid argument \"kernel.hostname=x\" for \"--sysctl\" flag: sysctl "
          + "'kernel.hostname=x' is not allowed",
      "--sysctl|net.core.somaxconn|invalid argument \"net.core.somaxconn\" for \"--sysctl\" flag: sysctl "
          + "'net.core.somaxconn' is not allowed",
      "--device-cgroup-rule|c 1:5|invalid argument \"c 1:5\" for \"--device-cgroup-rule\" flag: invalid device "
          + "cgroup format 'c 1:5'",
      "--shm-size|big|invalid argument \"big\" for \"--shm-size\" flag: invalid size: 'big'"})
  void badFlagValuesAreTheFlagParsersErrors(String flag, String value, String message) {
    UsageException e = assertThrows(UsageException.class, () -> read(Messages.Lang.EN, flag, value, "busybox"));
    assertEquals(message, e.getMessage());
    assertEquals("docker run", e.command());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--device|:/dev/x|bad format for path: :/dev/x",
      "--device|/dev/a:/dev/b:/dev/c:r|bad format for path: /dev/a:/dev/b:/dev/c:r",
      "--device|/dev/zero:/dev/z:rx|bad mode specified: rx",
      "--device|/dev/zero:zero|zero is not an absolute path",
      "--userns|private|--userns: invalid USER mode",
      "--storage-opt|size|invalid storage option"})
  void badValuesCheckedAfterParsingAreTheClientsErrors(String flag, String value, String message) {
    EngineException e = assertThrows(EngineException.class, () -> read(Messages.Lang.EN, flag, value, "busybox"));
    assertEquals(message, e.getMessage());
  }
}
