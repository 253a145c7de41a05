package dev.docklab.shell.render;

/** Terminal text helpers: display width (CJK characters take two columns) and Docker's ellipsis. */
public final class Text {
  private Text() {}

  /** Columns {@code s} takes on a terminal. */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6);
  }

  /**
   * Docker's {@code Ellipsis}: at most {@code max} columns of display width (a CJK character takes
   * two), the last one "…" when cut.
   */
  public static String ellipsis(String s, int max) {
    if (width(s) <= max) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = isWide(cp) ? 2 : 1;
      if (w + cw > max - 1) {
        break;
      }
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }
}
