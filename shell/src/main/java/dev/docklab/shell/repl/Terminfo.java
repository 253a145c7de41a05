package dev.docklab.shell.repl;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/**
 * A terminal's description read from the compiled terminfo database, so that JLine learns what the
 * terminal can do without running {@code infocmp}: given to docklab's terminal as JLine's capabilities
 * themselves ({@link #capabilities}), or to JLine as {@code infocmp} prints it ({@link #register}).
 */
final class Terminfo {
  private static final int MAGIC_16 = 0432;
  private static final int MAGIC_32 = 01036;
  /**
   * The standard capabilities' short names in the compiled format's order (ncurses' boolnames, numnames,
   * strnames), then the same by JLine's names.
   */
  private static final List<String[]> NAMES = List.of(TerminfoNames.BOOLEANS, TerminfoNames.NUMBERS,
      TerminfoNames.STRINGS, TerminfoNames.JLINE_BOOLEANS, TerminfoNames.JLINE_NUMBERS, TerminfoNames.JLINE_STRINGS);
  /** JLine's capabilities by their names ({@code Enum.valueOf} would reach them by reflection, slow the first time). */
  private static final Map<String, Capability> JLINE = new HashMap<>();

  static {
    for (Capability c : Capability.values()) {
      JLINE.put(c.name(), c);
    }
  }

  private Terminfo() {}

  /**
   * Gives JLine the description of {@code term} from this database, which JLine would otherwise ask
   * {@code infocmp} for (even for the terminals it carries a description of); a terminal the database
   * lacks is left to {@code infocmp}, as before.
   */
  static void register(String term) {
    if (term != null && !term.isEmpty() && InfoCmp.getLoadedInfoCmp(term) == null) {
      InfoCmp.setLoadedInfoCmp(term, () -> describe(term, searchPath(System.getenv())).orElse(null));
    }
  }

  /** The description of {@code term} from the first directory of {@code dirs} that has it, as infocmp prints it. */
  static Optional<String> describe(String term, List<Path> dirs) {
    try {
      return compiled(term, dirs).map(Terminfo::text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** What JLine would make of {@code term}'s description, read from the database: its booleans, numbers and strings. */
  record Capabilities(Set<Capability> bools, Map<Capability, Integer> ints, Map<Capability, String> strings) {}

  /**
   * {@code term}'s capabilities from the first directory of {@code dirs} that has it, as JLine's parser
   * would make them of {@link #describe}'s text, without the text: that parser compiles a pattern for
   * each line and matches every capability with it, about a tenth of a second at a cold start.
   */
  static Optional<Capabilities> capabilities(String term, List<Path> dirs) {
    try {
      return compiled(term, dirs).map(Terminfo::capabilities);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A compiled entry's capabilities by JLine's names; those JLine has no name for are left out, as its parser does. */
  static Capabilities capabilities(byte[] compiled) {
    Capabilities caps = new Capabilities(EnumSet.noneOf(Capability.class), new EnumMap<>(Capability.class),
        new EnumMap<>(Capability.class));
    decode(compiled, new Sink() {
      @Override
      public void bool(int i) {
        Capability c = jline(3, i);
        if (c != null) {
          caps.bools().add(c);
        }
      }

      @Override
      public void number(int i, int n) {
        Capability c = jline(4, i);
        if (c != null) {
          caps.ints().put(c, n);
        }
      }

      @Override
      public void string(int i, String escaped) {
        Capability c = jline(5, i);
        if (c != null) {
          caps.strings().put(c, escaped);
        }
      }
    });
    return caps;
  }

  private static Capability jline(int line, int i) {
    String[] names = NAMES.get(line);
    return i < names.length ? JLINE.get(names[i]) : null;
  }

  private static Optional<byte[]> compiled(String term, List<Path> dirs) {
    if (term.isEmpty() || term.contains("/") || term.startsWith(".")) {
      return Optional.empty();
    }
    String first = term.substring(0, 1);
    String hex = Integer.toHexString(term.charAt(0));
    for (Path dir : dirs) {
      for (String sub : List.of(first, hex.length() == 1 ? "0" + hex : hex)) {
        Path file = dir.resolve(sub).resolve(term);
        if (Files.isRegularFile(file)) {
          try {
            return Optional.of(Files.readAllBytes(file));
          } catch (IOException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Where ncurses looks, in its order: $TERMINFO, ~/.terminfo, $TERMINFO_DIRS, then the system's directories. */
  static List<Path> searchPath(Map<String, String> env) {
    List<Path> dirs = new ArrayList<>();
    List<Path> system = List.of(Path.of("/etc/terminfo"), Path.of("/lib/terminfo"), Path.of("/usr/share/terminfo"));
    if (env.get("TERMINFO") != null && !env.get("TERMINFO").isEmpty()) {
      dirs.add(Path.of(env.get("TERMINFO")));
    }
    if (env.get("HOME") != null && !env.get("HOME").isEmpty()) {
      dirs.add(Path.of(env.get("HOME"), ".terminfo"));
    }
    String list = env.get("TERMINFO_DIRS");
    if (list != null) {
      for (String d : list.split(":", -1)) {
        if (d.isEmpty()) {
          dirs.addAll(system);
        } else {
          dirs.add(Path.of(d));
        }
      }
    }
    dirs.addAll(system);
    return dirs;
  }

  /**
   * A compiled entry (term(5)'s legacy or 32-bit format) as infocmp's text: its names, then its
   * capabilities on one line (JLine compiles a pattern for every line it reads).
   */
  static String text(byte[] compiled) {
    StringBuilder out = new StringBuilder();
    String names = decode(compiled, new Sink() {
      @Override
      public void bool(int i) {
        out.append(NAMES.get(0)[i]).append(", ");
      }

      @Override
      public void number(int i, int n) {
        out.append(NAMES.get(1)[i]).append('#').append(n).append(", ");
      }

      @Override
      public void string(int i, String escaped) {
        out.append(NAMES.get(2)[i]).append('=').append(escaped).append(", ");
      }
    });
    return names + ",\n\t" + out.toString().stripTrailing() + "\n";
  }

  /** What a compiled entry holds, by the index of each standard capability set in it. */
  private interface Sink {
    void bool(int i);

    void number(int i, int n);

    /** A string capability, escaped as infocmp writes it (JLine keeps them so). */
    void string(int i, String escaped);
  }

  /** Gives {@code sink} each standard capability a compiled entry sets; returns the entry's names. */
  private static String decode(byte[] compiled, Sink sink) {
    try {
      ByteBuffer b = ByteBuffer.wrap(compiled).order(ByteOrder.LITTLE_ENDIAN);
      int magic = b.getShort() & 0xffff;
      if (magic != MAGIC_16 && magic != MAGIC_32) {
        throw new IllegalArgumentException("not a compiled terminfo entry (magic " + Integer.toOctalString(magic) + ")");
      }
      int namesSize = b.getShort();
      int bools = b.getShort();
      int nums = b.getShort();
      int strs = b.getShort();
      int tableSize = b.getShort();
      byte[] names = new byte[namesSize];
      b.get(names);
      for (int i = 0; i < bools; i++) {
        if (b.get() == 1 && i < NAMES.get(0).length) {
          sink.bool(i);
        }
      }
      if ((namesSize + bools) % 2 != 0) {
        b.get();
      }
      for (int i = 0; i < nums; i++) {
        int n = magic == MAGIC_16 ? b.getShort() : b.getInt();
        if (n >= 0 && i < NAMES.get(1).length) {
          sink.number(i, n);
        }
      }
      int[] offsets = new int[strs];
      for (int i = 0; i < strs; i++) {
        offsets[i] = b.getShort();
      }
      byte[] table = new byte[tableSize];
      b.get(table);
      for (int i = 0; i < strs; i++) {
        if (offsets[i] >= 0 && offsets[i] < tableSize && i < NAMES.get(2).length) {
          String value = cString(table, offsets[i]);
          sink.string(i, escape(NAMES.get(2)[i].equals("acsc") ? sortedPairs(value) : value));
        }
      }
      return cString(names, 0);
    } catch (BufferUnderflowException | BufferOverflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("a truncated compiled terminfo entry", e);
    }
  }

  /** A capability's value written as infocmp writes it (and as JLine's {@code Curses} reads it). */
  static String escape(String value) {
    boolean longValue = value.length() > 3;
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean digitNext = i + 1 < value.length() && Character.isDigit(value.charAt(i + 1));
      if (c == '%' && i + 1 < value.length() && printable(value.charAt(i + 1))) {
        s.append(c).append(value.charAt(++i));
      } else if (c == 0200) {
        s.append("\\0");
      } else if (c == 033) {
        s.append("\\E");
      } else if (c == '\\' && (i == 0 || value.charAt(i - 1) != '^')) {
        s.append("\\\\");
      } else if (c == ' ' && value.substring(i).isBlank() || c == ' ' && i == 0) {
        s.append("\\s");
      } else if (c == ',' || c == '^') {
        s.append('\\').append(c);
      } else if (printable(c)) {
        s.append(c);
      } else if (c == '\r') {
        s.append("\\r");
      } else if (c == '\n') {
        s.append("\\n");
      } else if (c < ' ' && (!longValue || digitNext)) {
        s.append('^').append((char) (c + '@'));
      } else if (c == 0177 && (!longValue || digitNext)) {
        s.append("^?");
      } else {
        s.append('\\').append((char) ('0' + (c >> 6 & 3))).append((char) ('0' + (c >> 3 & 7))).append((char) ('0' + (c & 7)));
      }
    }
    return s.toString();
  }

  /** The line-drawing map's pairs in the order of their first character, as infocmp lists them. */
  static String sortedPairs(String acsc) {
    if (acsc.length() % 2 != 0) {
      return acsc;
    }
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < acsc.length(); i += 2) {
      pairs.add(acsc.substring(i, i + 2));
    }
    pairs.sort(Comparator.comparing(p -> p.charAt(0)));
    return String.join("", pairs);
  }

  private static boolean printable(char c) {
    return c >= ' ' && c < 0177;
  }

  private static String cString(byte[] bytes, int from) {
    int end = from;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
  }
}
