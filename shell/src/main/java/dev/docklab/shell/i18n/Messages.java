package dev.docklab.shell.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every learner-facing text, from {@code messages_en.properties} and {@code messages_zh_CN.properties}.
 * Docker's own output and error lines stay in Docker's English wording, as on a real host; what
 * docklab adds (help, hints, explanations) speaks the learner's language.
 */
public final class Messages {
  /** The languages docklab speaks. */
  public enum Lang {
    EN(Locale.ENGLISH), ZH(Locale.SIMPLIFIED_CHINESE);

    final Locale locale;

    Lang(Locale locale) {
      this.locale = locale;
    }

    /** {@code zh}, {@code zh_CN}, {@code zh-CN}, {@code en}...; null when unknown. */
    public static Lang parse(String s) {
      if (s == null) {
        return null;
      }
      String l = s.toLowerCase(Locale.ROOT);
      return l.startsWith("zh") ? ZH : l.startsWith("en") ? EN : null;
    }

    /** From LC_ALL, LC_MESSAGES or LANG, as a terminal program would; English otherwise. */
    public static Lang fromEnvironment() {
      for (String var : new String[] {"DOCKLAB_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        String v = System.getenv(var);
        if (v != null && !v.isEmpty()) {
          Lang l = parse(v);
          return l == null ? EN : l;
        }
      }
      return EN;
    }
  }

  private final Lang lang;
  private final ResourceBundle bundle;

  public Messages(Lang lang) {
    this.lang = lang;
    this.bundle = ResourceBundle.getBundle("dev.docklab.shell.messages", lang.locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public Lang lang() {
    return lang;
  }

  /** The text for {@code key}, with {0}, {1}... filled in. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, lang.locale).format(args);
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }
}
