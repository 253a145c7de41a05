package dev.docklab.shell.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of Go's text/template that Docker users type in {@code --format}: field paths
 * ({@code {{.State.Pid}}}, {@code {{.}}}), and the functions {@code json}, {@code index},
 * {@code join}, {@code upper}, {@code lower}, {@code len}, {@code println}. Values print as Go prints
 * them ({@code [a b]}, {@code map[k:v]}, {@code <no value>}).
 */
public final class GoTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Object> parts = new ArrayList<>();

  private GoTemplate() {}

  /** A template error, in Go's words. */
  public static final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
      super(message);
    }
  }

  /** One {@code {{ ... }}} action: the words inside it. */
  private record Action(List<String> words) {}

  public static GoTemplate parse(String text) {
    GoTemplate t = new GoTemplate();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        t.parts.add(unescape(text.substring(i)));
        break;
      }
      if (open > i) {
        t.parts.add(unescape(text.substring(i, open)));
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TemplateException("template parsing error: template: :1: unclosed action");
      }
      String inner = text.substring(open + 2, close).strip();
      if (inner.startsWith("-")) {
        inner = inner.substring(1).strip();
      }
      if (inner.endsWith("-")) {
        inner = inner.substring(0, inner.length() - 1).strip();
      }
      t.parts.add(new Action(words(inner)));
      i = close + 2;
    }
    return t;
  }

  /** Docker's CLI turns the two characters {@code \t} and {@code \n} in a format into tab and newline. */
  private static String unescape(String s) {
    return s.replace("\\t", "\t").replace("\\n", "\n");
  }

  private static List<String> words(String inner) {
    List<String> w = new ArrayList<>();
    int i = 0;
    while (i < inner.length()) {
      char c = inner.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        int end = inner.indexOf('"', i + 1);
        if (end < 0) {
          throw new TemplateException("template parsing error: template: :1: unterminated quoted string");
        }
        w.add(inner.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = inner.indexOf(' ', i);
        end = end < 0 ? inner.length() : end;
        w.add(inner.substring(i, end));
        i = end;
      }
    }
    return w;
  }

  /** The field names the template uses at the top level ({@code .ID}, {@code .Names}...), in order. */
  public List<String> fields() {
    List<String> f = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Action a) {
        for (String w : a.words()) {
          if (w.startsWith(".") && w.length() > 1) {
            f.add(w.substring(1).split("\\.")[0]);
          }
        }
      }
    }
    return f;
  }

  /** Runs the template on {@code data} (maps, lists, strings, numbers, booleans). */
  public String execute(Object data) {
    StringBuilder out = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.append(s);
      } else {
        out.append(print(eval(((Action) p).words(), data)));
      }
    }
    return out.toString();
  }

  private static Object eval(List<String> words, Object data) {
    if (words.isEmpty()) {
      throw new TemplateException("template parsing error: template: :1: missing value for command");
    }
    String first = words.get(0);
    if (first.startsWith(".") || first.startsWith("\"")) {
      return value(first, data);
    }
    List<Object> args = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      args.add(value(w, data));
    }
    return switch (first) {
      case "json" -> {
        try {
          yield new Raw(JSON.writeValueAsString(arg(args, 0, first)));
        } catch (JsonProcessingException e) {
          throw new TemplateException("template: :1: json: " + e.getMessage());
        }
      }
      case "index" -> {
        Object coll = arg(args, 0, first);
        Object key = arg(args, 1, first);
        if (coll instanceof Map<?, ?> m) {
          yield m.get(String.valueOf(key));
        }
        if (coll instanceof List<?> l && key instanceof Number n) {
          yield l.get(n.intValue());
        }
        yield null;
      }
      case "join" -> {
        Object list = arg(args, 0, first);
        String sep = String.valueOf(arg(args, 1, first));
        yield list instanceof List<?> l ? String.join(sep, l.stream().map(GoTemplate::print).toList()) : print(list);
      }
      case "upper" -> print(arg(args, 0, first)).toUpperCase(Locale.ROOT);
      case "lower" -> print(arg(args, 0, first)).toLowerCase(Locale.ROOT);
      case "len" -> {
        Object v = arg(args, 0, first);
        yield v instanceof List<?> l ? l.size() : v instanceof Map<?, ?> m ? m.size() : print(v).length();
      }
      case "println" -> new Raw(String.join(" ", args.stream().map(GoTemplate::print).toList()) + "\n");
      default -> throw new TemplateException("template parsing error: template: :1: function \"" + first
          + "\" not defined");
    };
  }

  private static Object arg(List<Object> args, int i, String fn) {
    if (i >= args.size()) {
      throw new TemplateException("template: :1: wrong number of args for " + fn);
    }
    return args.get(i);
  }

  private static Object value(String word, Object data) {
    if (word.startsWith("\"")) {
      return word.substring(1, word.length() - 1);
    }
    if (word.matches("-?\\d+")) {
      return Integer.parseInt(word);
    }
    if (word.equals(".")) {
      return data;
    }
    Object cur = data;
    for (String field : word.substring(1).split("\\.")) {
      if (cur instanceof Map<?, ?> m) {
        if (!m.containsKey(field)) {
          return NO_VALUE;
        }
        cur = m.get(field);
      } else {
        throw new TemplateException("template: :1: can't evaluate field " + field + " in type "
            + (cur == null ? "interface {}" : cur instanceof List ? "[]interface {}" : "string"));
      }
    }
    return cur;
  }

  /** Text that prints as is (json's output). */
  private record Raw(String text) {}

  private static final Object NO_VALUE = new Object();

  /** Go's fmt printing of a value. */
  static String print(Object v) {
    if (v == NO_VALUE) {
      return "<no value>";
    }
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Raw r) {
      return r.text();
    }
    if (v instanceof List<?> l) {
      return "[" + String.join(" ", l.stream().map(GoTemplate::print).toList()) + "]";
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        b.append(first ? "" : " ").append(e.getKey()).append(':').append(print(e.getValue()));
        first = false;
      }
      return b.append(']').toString();
    }
    return String.valueOf(v);
  }
}
