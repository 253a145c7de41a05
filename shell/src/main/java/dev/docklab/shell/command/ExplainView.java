package dev.docklab.shell.command;

import dev.docklab.shell.i18n.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** One view of {@code explain}: its name and what it takes, for usage, help and completion. */
public record ExplainView(String name, List<Operand> operands) {
  /** What a view takes after its name; each has its word in both languages ({@code explain.operand.*}). */
  public enum Operand {
    IMAGE, CONTAINER, OPTIONAL_CONTAINER, CONTAINER_OR_DEMO, PATH, REF, COMMAND, MEASURE;

    String key() {
      return "explain.arg." + name().toLowerCase().replace('_', '-');
    }

    /** Whether completion offers containers here. */
    public boolean containers() {
      return this == CONTAINER || this == OPTIONAL_CONTAINER || this == CONTAINER_OR_DEMO;
    }
  }

  public ExplainView {
    operands = List.copyOf(operands);
  }

  /** {@code layers IMAGE}, in the learner's language. */
  public String usage(Messages m) {
    return operands.isEmpty() ? name
        : name + " " + operands.stream().map(o -> m.get(o.key())).collect(Collectors.joining(" "));
  }

  /** The view's one-line summary ({@code explain.view.NAME}). */
  public String summary(Messages m) {
    return m.get("explain.view." + name);
  }

  /** The operand at {@code index} (0 is the first after the view's name), or null. */
  public Operand operand(int index) {
    return index >= 0 && index < operands.size() ? operands.get(index) : null;
  }
}
