package dev.docklab.engine.api;

/** The outcome of a foreground run. */
public record RunResult(Container container, int exitCode, boolean removed) {}
