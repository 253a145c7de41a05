package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** Container names: Docker's validity rule, and Docker-style random names ("eloquent_turing"). */
public final class Names {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final List<String> ADJECTIVES = List.of(
      "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "blissful",
      "bold", "boring", "brave", "busy", "charming", "clever", "cool", "compassionate", "competent",
      "confident", "cranky", "crazy", "dazzling", "determined", "distracted", "dreamy", "eager",
      "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "fervent", "festive", "flamboyant",
      "focused", "friendly", "frosty", "gallant", "gifted", "goofy", "gracious", "happy", "hardcore",
      "heuristic", "hopeful", "hungry", "infallible", "inspiring", "jolly", "jovial", "keen", "kind",
      "laughing", "loving", "lucid", "magical", "modest", "musing", "naughty", "nervous", "nice",
      "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive", "practical",
      "priceless", "quirky", "quizzical", "relaxed", "reverent", "romantic", "sad", "serene", "sharp",
      "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "tender", "thirsty", "trusting",
      "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful", "xenodochial", "youthful",
      "zealous", "zen");
  private static final List<String> SCIENTISTS = List.of(
      "albattani", "allen", "archimedes", "babbage", "bardeen", "bell", "bhabha", "bose", "brahmagupta",
      "cannon", "chandrasekhar", "curie", "darwin", "dijkstra", "einstein", "euclid", "euler", "fermat",
      "feynman", "franklin", "galileo", "gauss", "goldberg", "hawking", "hermann", "hodgkin", "hopper",
      "hypatia", "jang", "kepler", "knuth", "lamport", "liskov", "lovelace", "mccarthy", "meitner",
      "newton", "noether", "pascal", "poincare", "ritchie", "shannon", "sinoussi", "swartz", "tesla",
      "thompson", "torvalds", "turing", "wozniak", "wu", "yalow", "yonath", "zhukovsky", "shenlong",
      "zuchongzhi", "qian", "huang", "tu");

  private Names() {}

  /** Checks a name given with {@code --name}, in Docker's wording. */
  public static String validate(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    if (!VALID.matcher(n).matches()) {
      throw EngineException.invalid("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return n;
  }

  /** A random name of Docker's shape. */
  public static String random(Random random) {
    String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
        + SCIENTISTS.get(random.nextInt(SCIENTISTS.size()));
    return name.equals("boring_wozniak") ? random(random) : name; // Docker's one rule: Steve Wozniak is not boring
  }
}
