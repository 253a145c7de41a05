package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;

/**
 * {@code --restart no|on-failure[:N]|always|unless-stopped}, parsed and checked as Docker does.
 *
 * @param name the policy
 * @param maximumRetryCount for on-failure: how many restarts at most (0 for no limit)
 */
public record RestartPolicy(String name, int maximumRetryCount) {
  public static final RestartPolicy NO = new RestartPolicy("no", 0);

  public static RestartPolicy parse(String text) {
    if (text == null || text.isEmpty()) {
      return NO;
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (colon == 0) {
      throw EngineException.invalid("invalid restart policy format: no policy provided before colon");
    }
    int max = 0;
    if (colon >= 0 && colon < text.length() - 1) {
      try {
        max = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw EngineException.invalid("invalid restart policy format: maximum retry count must be an integer");
      }
    }
    switch (name) {
      case "no", "always", "unless-stopped", "on-failure" -> { }
      default -> throw EngineException.invalid("invalid restart policy: unknown policy '" + name
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
    if (max != 0 && !name.equals("on-failure")) {
      throw EngineException.invalid("invalid restart policy: maximum retry count can only be used with 'on-failure'");
    }
    if (max < 0) {
      throw EngineException.invalid("invalid restart policy: maximum retry count cannot be negative");
    }
    return new RestartPolicy(name, max);
  }

  /** Whether a container that exited with {@code exitCode} after {@code restarts} restarts again. */
  public boolean shouldRestart(int exitCode, int restarts, boolean stoppedByUser) {
    if (stoppedByUser) {
      return false;
    }
    return switch (name) {
      case "always", "unless-stopped" -> true;
      case "on-failure" -> exitCode != 0 && (maximumRetryCount == 0 || restarts < maximumRetryCount);
      default -> false;
    };
  }

  @Override
  public String toString() {
    return maximumRetryCount > 0 ? name + ":" + maximumRetryCount : name;
  }
}
