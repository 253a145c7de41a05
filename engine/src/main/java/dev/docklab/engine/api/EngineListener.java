package dev.docklab.engine.api;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** Receives the engine's events; called on the engine's thread, so it must be quick. */
@FunctionalInterface
public interface EngineListener {
  EngineListener NONE = e -> {};

  void on(EngineEvent event);

  /** Times {@code body} and reports it as one event. */
  default <T> T timed(EventStep step, String subject, Function<T, String> detail,
      Supplier<T> body) {
    long t0 = System.nanoTime();
    T result = body.get();
    on(new EngineEvent(step, subject, detail.apply(result), Duration.ofNanos(System.nanoTime() - t0)));
    return result;
  }

  /** Times {@code body} and reports it as one event in docklab's own words: {@code said} with {@code args}. */
  default <T> T timedSaid(EventStep step, String subject, EngineMessage said, Function<T, Object[]> args,
      Supplier<T> body) {
    long t0 = System.nanoTime();
    T result = body.get();
    on(EngineEvent.said(step, subject, Duration.ofNanos(System.nanoTime() - t0), said, args.apply(result)));
    return result;
  }
}
