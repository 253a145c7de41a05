package dev.docklab.lessons.jshell;

import dev.docklab.engine.api.Engine;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A JShell whose snippets run in this JVM (JShell's local execution engine), on the live engine: the
 * engine's api is imported and the engine is bound as {@code engine}, so what a snippet does is what
 * {@code docker} commands see. It keeps the exception a snippet last threw, as thrown, so an engine
 * failure can be said in the learner's language.
 */
public final class EngineShell implements AutoCloseable {
  /** What every session starts with; the last line binds the engine. */
  static final List<String> STARTUP = List.of(
      "import java.util.*;",
      "import java.util.stream.*;",
      "import dev.docklab.engine.api.*;",
      "Engine engine = " + EngineShell.class.getName() + ".bound();");

  private static final Object BINDING = new Object();
  private static volatile Engine binding;

  private final JShell jshell;
  private final Control control;

  private EngineShell(JShell jshell, Control control) {
    this.jshell = jshell;
    this.control = control;
  }

  /**
   * A new session on {@code engine}. Its compiler reads docklab's classes from this JVM's class path;
   * its snippets' classes load beside docklab's own.
   */
  public static EngineShell open(Engine engine) {
    Thread thread = Thread.currentThread();
    ClassLoader loader = thread.getContextClassLoader();
    Control[] made = new Control[1];
    synchronized (BINDING) {
      binding = engine;
      try {
        JShell jshell = JShell.builder()
            .executionEngine(new Provider(made), Map.of())
            .compilerOptions("--class-path", System.getProperty("java.class.path"))
            .build();
        for (String line : STARTUP) {
          for (SnippetEvent e : jshell.eval(line)) {
            if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
              jshell.close();
              throw new IllegalStateException("JShell could not start on the engine: " + line);
            }
          }
        }
        return new EngineShell(jshell, made[0]);
      } finally {
        binding = null;
        thread.setContextClassLoader(loader); // JShell's local engine sets its own on the caller's thread
      }
    }
  }

  /** The engine being bound, for the startup snippet only. */
  public static Engine bound() {
    Engine e = binding;
    if (e == null) {
      throw new IllegalStateException("no engine is being bound");
    }
    return e;
  }

  /** The JShell itself: eval, completion, variables. */
  public JShell jshell() {
    return jshell;
  }

  /** The exception the last snippet threw, as thrown (not JShell's copy); null when none. Clears it. */
  public Throwable takeThrown() {
    return control.takeThrown();
  }

  /** Stops the snippet running now (Ctrl-C), as JShell's own tool does. */
  public void stop() {
    jshell.stop();
  }

  /** Whether {@code snippet} is a snippet of this session's startup (the binding and imports). */
  public boolean isStartup(Snippet snippet) {
    return STARTUP.contains(snippet.source().strip());
  }

  @Override
  public void close() {
    jshell.close();
  }

  /** The local execution engine, keeping what the last snippet threw. */
  private static final class Control extends LocalExecutionControl {
    private volatile Throwable thrown;

    @Override
    protected String throwConvertedInvocationException(Throwable cause)
        throws ExecutionControl.RunException, ExecutionControl.InternalException {
      thrown = cause;
      return super.throwConvertedInvocationException(cause);
    }

    Throwable takeThrown() {
      Throwable t = thrown;
      thrown = null;
      return t;
    }
  }

  /** Hands JShell the {@link Control}, and keeps it. */
  private record Provider(Control[] made) implements ExecutionControlProvider {
    @Override
    public String name() {
      return "docklab";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      made[0] = new Control();
      return made[0];
    }
  }
}
