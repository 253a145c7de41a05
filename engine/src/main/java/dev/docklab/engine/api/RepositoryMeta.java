package dev.docklab.engine.api;

/** A repository's Docker Hub metadata, as {@code docker search} shows it. */
public record RepositoryMeta(String description, int stars, boolean official, boolean automated) {}
