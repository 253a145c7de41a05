package dev.docklab.shell.command;

import dev.docklab.engine.api.CowEvent;
import dev.docklab.shell.explain.ApiSocket;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a learner's session keeps from one line to the next: the workspace, the language, the
 * status of the last command ({@code $?}), whether {@code exit} was typed, the trace of the last
 * command and the containers whose copy-on-write is watched. Every session derived from one (for
 * {@code $(...)}, a pipe or a redirection) shares it.
 */
public final class SessionState {
  private final Map<String, Map<String, CowEvent>> cowWatch = new LinkedHashMap<>();
  private Path workspace = defaultWorkspace();
  private Messages messages;
  private TraceRecorder trace = new TraceRecorder();
  private int lastStatus;
  private boolean exitRequested;
  private String placedInput;
  private Supplier<String> dockerHost = () -> null;
  private Supplier<String> servedNow = () -> null;
  private Supplier<ApiSocket> apiSocket = () -> null;

  /**
   * The {@code DOCKER_HOST} that host commands get ({@code unix://...}), so that the docker CLI, bash
   * lines and scripts the REPL runs reach this engine; null while there is none to give.
   */
  public String dockerHost() {
    return dockerHost.get();
  }

  /** Where {@link #dockerHost()} comes from (the engine served on a socket once something asks for it). */
  public void setDockerHost(Supplier<String> source, Supplier<String> now) {
    this.dockerHost = source;
    this.servedNow = now;
  }

  /** The {@code DOCKER_HOST} this engine is served on now, without serving it; null when it is not. */
  public String servedNow() {
    return servedNow.get();
  }

  /** Where {@link #apiSocket()} comes from. */
  public void setApiSocket(Supplier<ApiSocket> source) {
    this.apiSocket = source;
  }

  /** The socket this engine is served on now, with its clients; null when it is not served. */
  public ApiSocket apiSocket() {
    return apiSocket.get();
  }

  public SessionState(Messages messages) {
    this.messages = messages;
  }

  /** The learner's workspace: {@code $DOCKLAB_WORKSPACE}, else {@code ~/docklab}, where host commands run. */
  public static Path defaultWorkspace() {
    String env = System.getenv("DOCKLAB_WORKSPACE");
    String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(home, "docklab");
  }

  /** The directory host commands run in (created on first use). */
  public Path workspace() {
    try {
      Files.createDirectories(workspace);
    } catch (IOException e) {
      // the host command will say what is wrong
    }
    return workspace;
  }

  /** Moves the workspace ({@code cd}). */
  public void setWorkspace(Path dir) {
    workspace = dir;
  }

  public Messages messages() {
    return messages;
  }

  /** Switches the language ({@code lang}). */
  public void setMessages(Messages m) {
    messages = m;
  }

  /** The engine events of the learner's commands, for {@code explain last}. */
  public TraceRecorder trace() {
    return trace;
  }

  /** Uses {@code recorder} (the one the engine reports to) for {@code explain last}. */
  public void setTrace(TraceRecorder recorder) {
    trace = recorder;
  }

  /** Containers whose copy-on-write the learner watches ({@code explain cow}), with the last snapshot. */
  public Map<String, Map<String, CowEvent>> cowWatch() {
    return cowWatch;
  }

  /** The exit status of the last command that ran ({@code $?}). */
  public int lastStatus() {
    return lastStatus;
  }

  public void setLastStatus(int status) {
    lastStatus = status;
  }

  /** Whether {@code exit} was typed: no further command runs. */
  public boolean exitRequested() {
    return exitRequested;
  }

  public void requestExit() {
    exitRequested = true;
  }

  /** Puts {@code line} on the learner's next input line: typed, not run. */
  public void placeInput(String line) {
    placedInput = line;
  }

  /** The line to put on the next input line, once; null when none. */
  public String takePlacedInput() {
    String line = placedInput;
    placedInput = null;
    return line;
  }
}
