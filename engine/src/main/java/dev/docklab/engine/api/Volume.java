package dev.docklab.engine.api;

import java.nio.file.Path;

/** A volume: its name, where its files are, when it was made, whether it was seeded from an image. */
public record Volume(String name, Path data, String createdAt, boolean seeded, boolean anonymous) {}
