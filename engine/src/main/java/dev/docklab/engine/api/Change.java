package dev.docklab.engine.api;

/** One change, as {@code docker diff} prints it: A (added), C (changed) or D (deleted), and the path. */
public record Change(char kind, String path) {
  /** As {@code docker diff} prints it: {@code A /f}. */
  @Override
  public String toString() {
    return kind + " " + path;
  }
}
