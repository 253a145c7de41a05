package dev.docklab.lessons.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's help in three tiers, given one at a time by {@code hint}.
 *
 * @param nudge where to look, without naming a command
 * @param family the command family to use
 * @param command the command itself
 */
public record Hints(Text nudge, Text family, Text command) {
  /** The tiers that are given, in order. */
  public List<Text> tiers() {
    List<Text> tiers = new ArrayList<>();
    for (Text t : new Text[] {nudge, family, command}) {
      if (t != null) {
        tiers.add(t);
      }
    }
    return tiers;
  }
}
