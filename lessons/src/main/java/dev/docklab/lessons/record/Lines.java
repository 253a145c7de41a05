package dev.docklab.lessons.record;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recorded lines as far as the draft needs them: which image names and containers they mention,
 * and where a name first comes.
 */
final class Lines {
  private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s'\"=;|&()<>!]+");
  /** The shortest container id prefix taken as naming a container (what {@code docker ps} shows). */
  private static final int SHORT_ID = 12;

  /** The words of the lines, in order. */
  private final List<String> sequence = new ArrayList<>();
  private final Set<String> words = new HashSet<>();

  Lines(List<String> lines) {
    for (String line : lines) {
      for (String w : BETWEEN_WORDS.split(line)) {
        if (!w.isEmpty()) {
          sequence.add(w);
          words.add(w);
        }
      }
    }
  }

  /** Whether a word of the lines names the image {@code ref} ({@code busybox:latest} is also {@code busybox}). */
  boolean mentionsImage(String ref) {
    return words.contains(ref) || (ref.endsWith(":latest") && words.contains(shortRef(ref)));
  }

  /** Whether a word of the lines names the container by its name or by its id (12 hex digits or more). */
  boolean mentionsContainer(SeenContainer c) {
    return words.contains(c.name())
        || words.stream().anyMatch(w -> w.length() >= SHORT_ID && c.id().startsWith(w));
  }

  /** Which word of the lines first names the image {@code ref}, counting from 0; the end when none does. */
  int firstMention(String ref) {
    for (int i = 0; i < sequence.size(); i++) {
      String w = sequence.get(i);
      if (w.equals(ref) || (ref.endsWith(":latest") && w.equals(shortRef(ref)))) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** {@code ref} as a lesson writes it: without {@code :latest}. */
  static String shortRef(String ref) {
    return ref.endsWith(":latest") ? ref.substring(0, ref.length() - ":latest".length()) : ref;
  }

  /** {@code typed} as the familiar name with its tag ({@code web} is {@code web:latest}); as typed when it is no name. */
  static String familiar(String typed) {
    try {
      return ImageReference.parse(typed).withDefaultTag().familiarString();
    } catch (EngineException e) {
      return typed;
    }
  }
}
