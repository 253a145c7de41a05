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
  /** The long flags of {@code docker run --help}, as {@code --name}, with their shorthands as {@code -n}. */
  static Set<String> dockerRunFlags() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(DOCKER.toString(), "run", "--help").redirectErrorStream(true).start();
    String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    Set<String> out = new TreeSet<>();
    for (String line : help.lines().toList()) {
      Matcher m = FLAG.matcher(line);
      if (m.find()) {
        out.add("--" + m.group(2));
        if (m.group(1) != null) {
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
    assertEquals(Set.of(), unknown, "docker run flags that docklab's run calls unknown");
  }
}
