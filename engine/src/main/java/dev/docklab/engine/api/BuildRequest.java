package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What to build. */
public record BuildRequest(Path context, String dockerfileName, String dockerfileText, List<String> tags,
    Map<String, String> buildArgs, boolean noCache) {}
