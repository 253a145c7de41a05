package dev.docklab.engine.api;

import java.time.Instant;

/** One line of output. */
public record LogLine(Instant time, int stream, String text) {}
