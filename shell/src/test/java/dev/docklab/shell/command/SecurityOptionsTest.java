package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.interp.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client's side of {@code --security-opt}: what is refused before the engine is asked. */
class SecurityOptionsTest {
  @TempDir
  Path workspace;

  @Test
  void aSeccompFileIsReadFromTheWorkspaceAndSentAsCompactJson() throws Exception {
    Files.writeString(workspace.resolve("nomkdir.json"), """
        {
          "defaultAction": "SCMP_ACT_ALLOW",
          "syscalls": [ { "names": ["mkdir"], "action": "SCMP_ACT_ERRNO" } ]
        }
        """);
    assertEquals(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"mkdir\"],"
            + "\"action\":\"SCMP_ACT_ERRNO\"}]}", "no-new-privileges", "seccomp=unconfined", "apparmor=unconfined"),
        SecurityOptions.read(List.of("seccomp=nomkdir.json", "no-new-privileges", "seccomp=unconfined",
            "apparmor=unconfined"), workspace));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "seccomp|Invalid --security-opt: \"seccomp\"",
      "apparmor=|Invalid --security-opt: \"apparmor=\"",
      "seccomp=nope.json|opening seccomp profile (nope.json) failed: open nope.json: no such file or directory",
      "seccomp=.|opening seccomp profile (.) failed: read .: is a directory",
      "seccomp=bad.json|compacting json for seccomp profile (bad.json) failed: "})
  void badValuesAreTheClientsErrors(String opt, String message) throws Exception {
    Files.writeString(workspace.resolve("bad.json"), "{\"defaultAction\": ");
    EngineException e = assertThrows(EngineException.class, () -> SecurityOptions.read(List.of(opt), workspace));
    assertEquals(message, e.getMessage().substring(0, Math.min(e.getMessage().length(), message.length())));
    assertEquals(1, e.getMessage().lines().count());
  }

  private static String[] run(String line, Messages.Lang lang, Path workspace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(() -> {
      throw new AssertionError("refused before the engine is asked");
    }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(lang), Session.Foreground.NONE);
    s.state().setWorkspace(workspace);
    Interpreter interpreter = new Interpreter(new Builtins(new DockerCli(), (args, x) -> 0));
    interpreter.run(interpreter.parse(line, s), s);
    return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        String.valueOf(s.state().lastStatus())};
  }

  @Test
  void systempathsUnconfinedIsTheClientsOwnAndNotSentAsAnOption() {
    assertEquals(List.of("label=disable"),
        SecurityOptions.read(List.of("systempaths=unconfined", "label=disable"), workspace));
  }

  @Test
  void aBadSecurityOptIsAUsageErrorAsTheDockerClientPrintsIt() {
    String[] r = run("docker run --security-opt seccomp busybox true", Messages.Lang.EN, workspace);
    assertEquals("docker: Invalid --security-opt: \"seccomp\".\nSee 'docker run --help'.\n", r[1]);
    assertEquals("125", r[2]);
  }

  @Test
  void infoPrintsSecurityOptionsAsTheDockerClientDoes() {
    assertEquals(List.of(" Security Options:", "  apparmor", "  seccomp", "   Profile: /usr/share/containers/seccomp.json",
        "  cgroupns"), SystemCommands.securityOptions(List.of("name=apparmor",
        "name=seccomp,profile=/usr/share/containers/seccomp.json", "name=cgroupns")));
    assertEquals(List.of(), SystemCommands.securityOptions(List.of()));
  }
}
