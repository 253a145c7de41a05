package dev.docklab.engine.api;

/** One repository that {@code docker search} found, as Docker Hub's {@code /v1/search} describes it. */
public record SearchResult(String name, String description, int stars, boolean official, boolean automated) {}
