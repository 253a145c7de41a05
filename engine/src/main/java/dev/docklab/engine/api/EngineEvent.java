package dev.docklab.engine.api;

import java.time.Duration;

/**
 * One step the engine took, for progress displays and explain modes: e.g. {@code mount} with the
 * overlay options, or {@code runtime} with the command it ran, and how long the step took.
 *
 * @param step which step it was
 * @param subject what the step was about (an image, a container id, a layer digest)
 * @param detail the real artifact: a path, a mount option string, a command line
 * @param took how long the step took (zero when not timed)
 */
public record EngineEvent(EventStep step, String subject, String detail, Duration took) {}
