package dev.docklab.shell.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of Go's text/template that Docker users type in {@code --format}: field paths
 * ({@code {{.State.Pid}}}, {@code {{.}}}), pipelines ({@code {{.Name | upper}}}), {@code {{range}}} and
 * {@code {{if}}} with {@code {{else}}}, {@code {{- -}}} trimming, and the functions {@code json},
 * {@code index}, {@code join}, {@code upper}, {@code lower}, {@code len}, {@code println}, {@code eq},
 * {@code ne}, {@code not}. Values print as Go prints them ({@code [a b]}, {@code map[k:v]},
 * {@code <no value>}).
 */
public final class GoTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FUNCTIONS =
      Set.of("json", "index", "join", "upper", "lower", "len", "println", "eq", "ne", "not");
  private final List<Object> parts;

  private GoTemplate(List<Object> parts) {
    this.parts = parts;
  }

  /** A template error, in Go's words. */
  public static final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
      super(message);
    }
  }

  /** One {@code {{ ... }}} action: the words inside it. */
  private record Action(List<String> words) {}

  /** {@code {{if P}}} or {@code {{range P}}}: its pipeline, its body, and what {@code {{else}}} gives. */
  private record Block(String keyword, List<String> pipeline, List<Object> body, List<Object> otherwise) {}

  public static GoTemplate parse(String text) {
    List<Object> tokens = lex(text);
    int[] pos = {0};
    List<Object> parts = list(tokens, pos);
    if (pos[0] < tokens.size()) {
      throw parseError("unexpected {{" + ((Action) tokens.get(pos[0])).words().get(0) + "}}");
    }
    return new GoTemplate(parts);
  }

  private static TemplateException parseError(String message) {
    return new TemplateException("template parsing error: template: :1: " + message);
  }

  /** The text and the actions, in order; a dash inside the braces (left or right) trims the space on that side. */
  private static List<Object> lex(String text) {
    List<Object> tokens = new ArrayList<>();
    boolean trimNext = false;
    int i = 0;
    while (i <= text.length()) {
      int open = text.indexOf("{{", i);
      String literal = unescape(text.substring(i, open < 0 ? text.length() : open));
      boolean trimBefore = open >= 0 && open + 3 < text.length() && text.charAt(open + 2) == '-'
          && Character.isWhitespace(text.charAt(open + 3));
      literal = trimNext ? literal.stripLeading() : literal;
      literal = trimBefore ? literal.stripTrailing() : literal;
      if (!literal.isEmpty()) {
        tokens.add(literal);
      }
      if (open < 0) {
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw parseError("unclosed action");
      }
      String inner = text.substring(open + (trimBefore ? 3 : 2), close);
      trimNext = inner.length() >= 2 && inner.endsWith("-") && Character.isWhitespace(inner.charAt(inner.length() - 2));
      tokens.add(new Action(words(trimNext ? inner.substring(0, inner.length() - 1) : inner)));
      i = close + 2;
    }
    return tokens;
  }

  /** Parts up to the {@code {{end}}} or {@code {{else}}} that closes them (left for the caller), or the end. */
  private static List<Object> list(List<Object> tokens, int[] pos) {
    List<Object> out = new ArrayList<>();
    while (pos[0] < tokens.size()) {
      Object t = tokens.get(pos[0]);
      String first = t instanceof Action a && !a.words().isEmpty() ? a.words().get(0) : "";
      if (first.equals("end") || first.equals("else")) {
        return out;
      }
      pos[0]++;
      if (first.equals("if") || first.equals("range")) {
        out.add(block(first, ((Action) t).words().subList(1, ((Action) t).words().size()), tokens, pos));
      } else {
        if (t instanceof Action a) {
          check(a.words());
        }
        out.add(t);
      }
    }
    return out;
  }

  /** The rest of an {@code {{if}}} or {@code {{range}}} just read: its body, an else part, up to {{end}}. */
  private static Block block(String keyword, List<String> pipeline, List<Object> tokens, int[] pos) {
    if (pipeline.isEmpty()) {
      throw parseError("missing value for " + keyword);
    }
    check(pipeline);
    List<Object> body = list(tokens, pos);
    List<String> stop = closing(tokens, pos);
    if (stop.get(0).equals("end")) {
      return new Block(keyword, pipeline, body, List.of());
    }
    if (stop.size() > 1 && stop.get(1).equals("if")) { // {{else if P}}: shares the {{end}}
      return new Block(keyword, pipeline, body, List.of(block("if", stop.subList(2, stop.size()), tokens, pos)));
    }
    if (stop.size() > 1) {
      throw parseError("unexpected " + stop.get(1) + " in else");
    }
    List<Object> otherwise = list(tokens, pos);
    List<String> end = closing(tokens, pos);
    if (!end.get(0).equals("end")) {
      throw parseError("expected end; found {{" + String.join(" ", end) + "}}");
    }
    return new Block(keyword, pipeline, body, otherwise);
  }

  private static List<String> closing(List<Object> tokens, int[] pos) {
    if (pos[0] >= tokens.size()) {
      throw parseError("unexpected EOF");
    }
    return ((Action) tokens.get(pos[0]++)).words();
  }

  /** Refuses, as Go does when parsing, an empty command or a name that is not a function. */
  private static void check(List<String> words) {
    boolean first = true;
    for (int i = 0; i <= words.size(); i++) {
      boolean end = i == words.size() || words.get(i).equals("|");
      if (end && first) {
        throw parseError("missing value for command");
      }
      if (!end) {
        String w = words.get(i);
        if (!isValue(w) && !(first && FUNCTIONS.contains(w))) {
          throw parseError("function \"" + w + "\" not defined");
        }
      }
      first = end;
    }
  }

  private static boolean isValue(String word) {
    return word.startsWith(".") || word.startsWith("\"") || word.matches("-?\\d+") || word.equals("true")
        || word.equals("false");
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
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '|') {
        w.add("|");
        i++;
      } else if (c == '"') {
        int end = i + 1;
        while (end < inner.length() && inner.charAt(end) != '"') {
          end += inner.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= inner.length()) {
          throw parseError("unterminated quoted string");
        }
        w.add(inner.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < inner.length() && !Character.isWhitespace(inner.charAt(end)) && inner.charAt(end) != '|') {
          end++;
        }
        w.add(inner.substring(i, end));
        i = end;
      }
    }
    return w;
  }

  /** The field names the template prints at the top level ({@code .ID}, {@code .Names}...), in order. */
  public List<String> fields() {
    List<String> f = new ArrayList<>();
    collectFields(parts, f);
    return f;
  }

  private static void collectFields(List<Object> parts, List<String> f) {
    for (Object p : parts) {
      if (p instanceof Action a) {
        for (String w : a.words()) {
          if (w.startsWith(".") && w.length() > 1) {
            f.add(w.substring(1).split("\\.")[0]);
          }
        }
      } else if (p instanceof Block b && b.keyword().equals("if")) {
        collectFields(b.body(), f); // inside a range, dot is something else
      }
    }
  }

  /** Runs the template on {@code data} (maps, lists, strings, numbers, booleans). */
  public String execute(Object data) {
    StringBuilder out = new StringBuilder();
    run(parts, data, out);
    return out.toString();
  }

  private static void run(List<Object> parts, Object dot, StringBuilder out) {
    for (Object p : parts) {
      if (p instanceof String s) {
        out.append(s);
      } else if (p instanceof Action a) {
        out.append(print(pipeline(a.words(), dot)));
      } else if (p instanceof Block b && b.keyword().equals("if")) {
        run(truth(pipeline(b.pipeline(), dot)) ? b.body() : b.otherwise(), dot, out);
      } else if (p instanceof Block b) {
        Collection<?> items = items(pipeline(b.pipeline(), dot));
        if (items.isEmpty()) {
          run(b.otherwise(), dot, out);
        }
        for (Object item : items) {
          run(b.body(), item, out);
        }
      }
    }
  }

  /**
   * What {@code {{range}}} walks: a list's elements, a map's values in the order of its keys; a missing or
   * null value is nothing to walk (Docker's nil slices and maps).
   */
  private static Collection<?> items(Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof Map<?, ?> m) {
      return new TreeMap<>(m).values();
    }
    if (v == null || v == NO_VALUE) {
      return List.of();
    }
    throw new TemplateException("template: :1: range can't iterate over " + print(v));
  }

  /** Go's truth: false, 0, nil, a missing value, and empty strings, lists and maps are false. */
  private static boolean truth(Object v) {
    if (v == null || v == NO_VALUE) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return !print(v).isEmpty();
  }

  /** Commands separated by {@code |}, each result given to the next as its last argument. */
  private static Object pipeline(List<String> words, Object dot) {
    Object result = null;
    int start = 0;
    for (int i = 0; i <= words.size(); i++) {
      if (i == words.size() || words.get(i).equals("|")) {
        result = command(words.subList(start, i), dot, start > 0, result);
        start = i + 1;
      }
    }
    return result;
  }

  private static Object command(List<String> words, Object dot, boolean piped, Object input) {
    String first = words.get(0);
    if (!FUNCTIONS.contains(first)) {
      if (words.size() > 1 || piped) {
        throw new TemplateException("template: :1: can't give argument to non-function " + first);
      }
      return value(first, dot);
    }
    List<Object> args = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      args.add(value(w, dot));
    }
    if (piped) {
      args.add(input);
    }
    return call(first, args);
  }

  private static Object call(String fn, List<Object> args) {
    return switch (fn) {
      case "json" -> {
        try {
          yield new Raw(JSON.writeValueAsString(arg(args, 0, fn)));
        } catch (JsonProcessingException e) {
          throw new TemplateException("template: :1: json: " + e.getMessage());
        }
      }
      case "index" -> {
        Object coll = arg(args, 0, fn);
        Object key = arg(args, 1, fn);
        if (coll instanceof Map<?, ?> m) {
          yield m.get(String.valueOf(key));
        }
        if (coll instanceof List<?> l && key instanceof Number n) {
          yield l.get(n.intValue());
        }
        yield null;
      }
      case "join" -> {
        Object list = arg(args, 0, fn);
        String sep = String.valueOf(arg(args, 1, fn));
        yield list instanceof List<?> l ? String.join(sep, l.stream().map(GoTemplate::print).toList()) : print(list);
      }
      case "upper" -> print(arg(args, 0, fn)).toUpperCase(Locale.ROOT);
      case "lower" -> print(arg(args, 0, fn)).toLowerCase(Locale.ROOT);
      case "len" -> {
        Object v = arg(args, 0, fn);
        yield v instanceof List<?> l ? l.size() : v instanceof Map<?, ?> m ? m.size() : print(v).length();
      }
      case "println" -> new Raw(String.join(" ", args.stream().map(GoTemplate::print).toList()) + "\n");
      case "eq" -> {
        Object a = arg(args, 0, fn);
        arg(args, 1, fn);
        yield args.subList(1, args.size()).stream().anyMatch(b -> same(a, b));
      }
      case "ne" -> !same(arg(args, 0, fn), arg(args, 1, fn));
      case "not" -> !truth(arg(args, 0, fn));
      default -> throw parseError("function \"" + fn + "\" not defined");
    };
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a instanceof Raw r ? r.text() : a, b instanceof Raw r ? r.text() : b);
  }

  private static Object arg(List<Object> args, int i, String fn) {
    if (i >= args.size()) {
      throw new TemplateException("template: :1: wrong number of args for " + fn);
    }
    return args.get(i);
  }

  private static Object value(String word, Object data) {
    if (word.startsWith("\"")) {
      return unquote(word.substring(1, word.length() - 1));
    }
    if (word.matches("-?\\d+")) {
      return Integer.parseInt(word);
    }
    if (word.equals("true") || word.equals("false")) {
      return Boolean.valueOf(word);
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

  /** A Go string literal's escapes: {@code \n}, {@code \t}, {@code \"}, {@code \\}. */
  private static String unquote(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        b.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
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
