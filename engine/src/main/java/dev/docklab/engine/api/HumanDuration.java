package dev.docklab.engine.api;

import java.time.Duration;

/**
 * A duration in Docker's words (go-units HumanDuration): "Less than a second", "5 seconds", "About a
 * minute", "3 weeks"; the docker CLI's {@code ps} and the Engine API's container list both say it.
 */
public final class HumanDuration {
  private HumanDuration() {}

  /** {@code d} as Docker words it. */
  public static String of(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.getSeconds() / 3600.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }
}
