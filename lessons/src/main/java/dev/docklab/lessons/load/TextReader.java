package dev.docklab.lessons.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.docklab.lessons.model.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a text, {@code {en: ..., zh: ...}}, noting (rather than stopping at) a missing or empty
 * language, so that {@code lesson lint} lists them all with their lines. In Chinese, the space a
 * folded line leaves between two Chinese characters is dropped.
 */
final class TextReader extends StdDeserializer<Text> {
  /** The attribute under which the reader finds the list of problems to add to. */
  static final String PROBLEMS = "docklab.lesson.problems";
  /**
   * The space YAML puts where it folds a line after or before Chinese punctuation, or between two
   * Chinese characters, which Chinese text does not have (the one between a Chinese and a Latin word
   * stays).
   */
  private static final Pattern FOLDED = Pattern.compile("(?<=\\p{IsHan}) +(?=\\p{IsHan})"
      + "|(?<=[\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}]) +"
      + "| +(?=[\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}])");

  TextReader() {
    super(Text.class);
  }

  @Override
  public Text deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonNode node = p.readValueAsTree();
    if (node.isValueNode()) {
      problem(ctxt, line, "a text is a map of both languages: {en: \"...\", zh: \"...\"}, not \""
          + node.asText() + "\"");
      return new Text(node.asText(), node.asText());
    }
    List<String> missing = new ArrayList<>();
    for (String lang : List.of("en", "zh")) {
      JsonNode v = node.get(lang);
      if (v == null || !v.isValueNode() || v.asText().isBlank()) {
        missing.add(lang);
      }
    }
    if (!missing.isEmpty()) {
      problem(ctxt, line, "this text needs both en and zh; missing " + String.join(" and ", missing));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("en") && !name.equals("zh")) {
        problem(ctxt, line, "a text has en and zh only, not \"" + name + "\"");
      }
    }
    return new Text(text(node, "en"), FOLDED.matcher(text(node, "zh")).replaceAll(""));
  }

  private static String text(JsonNode node, String lang) {
    JsonNode v = node.get(lang);
    return v == null ? "" : v.asText().strip();
  }

  @SuppressWarnings("unchecked")
  private static void problem(DeserializationContext ctxt, int line, String message) {
    Object list = ctxt.getAttribute(PROBLEMS);
    if (list instanceof List<?>) {
      ((List<Problem>) list).add(new Problem(null, line, message));
    }
  }
}
