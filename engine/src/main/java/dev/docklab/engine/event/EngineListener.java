package dev.docklab.engine.event;

/** Receives the engine's events; called on the engine's thread, so it must be quick. */
@FunctionalInterface
public interface EngineListener {
  EngineListener NONE = e -> {};

  void on(EngineEvent event);

  /** Times {@code body} and reports it as one event. */
  default <T> T timed(String step, String subject, java.util.function.Function<T, String> detail,
      java.util.function.Supplier<T> body) {
    long t0 = System.nanoTime();
    T result = body.get();
    on(new EngineEvent(step, subject, detail.apply(result), java.time.Duration.ofNanos(System.nanoTime() - t0)));
    return result;
  }
}
