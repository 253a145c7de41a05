package dev.docklab.engine.container;

import java.util.List;

/**
 * What {@code docker run} asks for.
 *
 * @param image the image as typed (reference or id)
 * @param name the container name, or null for a random one
 * @param command the command to run instead of the image's CMD; empty for the default
 * @param env extra {@code KEY=value} entries
 * @param memory the memory limit in bytes, 0 for none
 * @param pidsLimit the process-count limit, 0 for none
 * @param autoRemove remove the container when it exits ({@code --rm})
 */
public record RunRequest(String image, String name, List<String> command, List<String> env, long memory,
    long pidsLimit, boolean autoRemove) {

  public RunRequest {
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? List.of() : List.copyOf(env);
  }

  public static RunRequest of(String image, String... command) {
    return new RunRequest(image, null, List.of(command), List.of(), 0, 0, false);
  }
}
