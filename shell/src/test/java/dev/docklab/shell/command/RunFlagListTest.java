package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docklab.shell.cli.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every flag the installed docker CLI's {@code docker run --help} lists is a flag docklab's {@code run} knows. */
class RunFlagListTest {
  private static final Path DOCKER = Path.of("/usr/local/bin/docker");
  private static final Pattern FLAG = Pattern.compile("^\\s+(?:-(\\w), )?--([a-z0-9-]+)");
  /**
   * The flags of the other groups (resources, hardening, namespaces and network), being added on their own
   * branches at the same time: this set empties as those land.
   */
  static final Set<String> PENDING_ELSEWHERE = Set.of("--cpus", "--cpu-shares", "--cpu-period", "--cpu-quota",
      "--cpuset-cpus", "--cpuset-mems", "--cpu-rt-period", "--cpu-rt-runtime", "--memory-reservation",
      "--memory-swap", "--memory-swappiness", "--oom-kill-disable", "--oom-score-adj", "--blkio-weight",
      "--blkio-weight-device", "--device-read-bps", "--device-write-bps", "--device-read-iops",
      "--device-write-iops", "--cgroup-parent", "--cpu-count", "--cpu-percent", "--io-maxbandwidth",
      "--io-maxiops", "--kernel-memory", "--cap-add", "--cap-drop", "--read-only", "--tmpfs", "--shm-size",
      "--ulimit", "--sysctl", "--device", "--device-cgroup-rule", "--group-add", "--userns", "--storage-opt",
      "--pid", "--ipc", "--uts", "--cgroupns", "--dns", "--dns-search", "--dns-option", "--add-host",
      "--network-alias", "--ip", "--ip6", "--mac-address", "--link", "--link-local-ip", "--domainname", "--init");

  /**
   * The long flags of {@code docker run --help}, as {@code --name}, with their shorthands as {@code -n} (but for
   * the flags pending elsewhere).
   */
  static Set<String> dockerRunFlags() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(DOCKER.toString(), "run", "--help").redirectErrorStream(true).start();
    String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    Set<String> out = new TreeSet<>();
    for (String line : help.lines().toList()) {
      Matcher m = FLAG.matcher(line);
      if (m.find()) {
        out.add("--" + m.group(2));
        if (m.group(1) != null && !PENDING_ELSEWHERE.contains("--" + m.group(2))) {
          out.add("-" + m.group(1));
        }
      }
    }
    return out;
  }

  @Test
  void everyFlagOfDockerRunIsKnown() throws Exception {
    assumeTrue(Files.isExecutable(DOCKER), "no docker CLI at " + DOCKER);
    Set<String> docker = dockerRunFlags();
    assumeTrue(docker.size() > 50, "docker run --help listed too few flags: " + docker);
    Set<String> known = new TreeSet<>();
    for (Option o : ContainerCommands.run().options()) {
      known.add("--" + o.name());
      if (o.shorthand() != '\0') {
        known.add("-" + o.shorthand());
      }
    }
    known.add("--help");
    Set<String> unknown = new TreeSet<>(docker);
    unknown.removeAll(known);
    unknown.removeAll(PENDING_ELSEWHERE);
    assertEquals(Set.of(), unknown, "docker run flags that docklab's run calls unknown");
  }
}
