package dev.docklab.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A command's operands as its usage line names them ({@code commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]}),
 * and the words of a command line given to each: {@code explain docker ...} says what each one means.
 */
final class Operands {
  private Operands() {}

  /** One operand of a usage line: its label ({@code REPOSITORY[:TAG]}) and whether it takes many words. */
  record Slot(String label, boolean many) {
    /** The message key's last part: {@code repository} for {@code REPOSITORY[:TAG]}, {@code name-id} for {@code NAME|ID}. */
    String key() {
      String k = label.replace("...", "");
      int bracket = k.indexOf('[');
      k = bracket > 0 ? k.substring(0, bracket) : k;
      return k.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
  }

  /** One operand typed: the words and the slot they fill. */
  record Given(String words, Slot slot) {}

  /**
   * The operand slots of a usage line, after the command's name and without {@code [OPTIONS]}; of a
   * usage with two forms ({@code docker cp}), the first.
   */
  static List<Slot> slots(Command c) {
    String usage = c.usage().lines().findFirst().orElse("");
    String rest = usage.substring(Math.min(usage.length(), c.name().length())).strip();
    List<Slot> slots = new ArrayList<>();
    for (String token : tokens(rest)) {
      if (token.equals("[OPTIONS]")) {
        continue;
      }
      String label = token;
      if (label.startsWith("[") && label.endsWith("]") && depthZeroInside(label)) {
        label = label.substring(1, label.length() - 1);
      }
      boolean many = label.endsWith("...");
      Slot slot = new Slot(label.replace("...", ""), many);
      if (many && !slots.isEmpty() && slots.get(slots.size() - 1).key().equals(slot.key())) {
        slots.set(slots.size() - 1, slot); // CONTAINER [CONTAINER...]
      } else {
        slots.add(slot);
      }
    }
    return slots;
  }

  /**
   * The words given to each slot: one word a slot, a slot that takes many keeps the rest, and a
   * {@code COMMAND} takes every word after it (with its {@code ARG...}).
   */
  static List<Given> assign(Command c, List<String> positionals) {
    List<Slot> slots = slots(c);
    List<Given> out = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < positionals.size(); i++) {
      if (s >= slots.size()) {
        out.add(new Given(String.join(" ", positionals.subList(i, positionals.size())), null));
        break;
      }
      Slot slot = slots.get(s);
      if (slot.key().equals("command") || slot.key().equals("ps-options")) {
        out.add(new Given(String.join(" ", positionals.subList(i, positionals.size())), slot));
        break;
      }
      out.add(new Given(positionals.get(i), slot));
      if (!slot.many()) {
        s++;
      }
    }
    return out;
  }

  /** Whether the brackets at both ends of {@code token} belong together ({@code [A] [B]} is not one). */
  private static boolean depthZeroInside(String token) {
    int depth = 0;
    for (int i = 0; i < token.length(); i++) {
      depth += token.charAt(i) == '[' ? 1 : token.charAt(i) == ']' ? -1 : 0;
      if (depth == 0 && i < token.length() - 1) {
        return false;
      }
    }
    return true;
  }

  /** The usage line's tokens: split at spaces outside brackets, so {@code [ps OPTIONS]} is one. */
  private static List<String> tokens(String usage) {
    List<String> out = new ArrayList<>();
    StringBuilder t = new StringBuilder();
    int depth = 0;
    for (char ch : usage.toCharArray()) {
      if (ch == ' ' && depth == 0) {
        if (t.length() > 0) {
          out.add(t.toString());
          t.setLength(0);
        }
        continue;
      }
      depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
      t.append(ch);
    }
    if (t.length() > 0) {
      out.add(t.toString());
    }
    return out;
  }
}
