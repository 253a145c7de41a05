package dev.docklab.engine.api;

/** A started container, with its stdio attached when asked for. */
public record Started(Container container, Attachment attachment) {}
