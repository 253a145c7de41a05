package dev.docklab.engine.api;

/** What a push did: the manifest's digest and size. */
public record Pushed(Digest digest, int size) {}
