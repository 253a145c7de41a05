package dev.docklab.engine.api;

/** What a pull or push reports, as Docker's progress stream: whole lines, and a status per layer. */
public interface Progress {
  Progress NONE = new Progress() {
    @Override
    public void line(String text) {}

    @Override
    public void layer(String id, String status, long current, long total) {}
  };

  /** A line of its own: {@code latest: Pulling from library/busybox}. */
  void line(String text);

  /**
   * A layer's status: {@code Pulling fs layer}, {@code Downloading} (with bytes done of total),
   * {@code Download complete}, {@code Extracting}, {@code Pull complete}, {@code Already exists},
   * {@code Pushing}, {@code Pushed}, {@code Layer already exists}, {@code Mounted from REPO}.
   */
  void layer(String id, String status, long current, long total);
}
