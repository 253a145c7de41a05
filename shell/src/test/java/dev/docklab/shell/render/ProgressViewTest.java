package dev.docklab.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
  @Test
  void withoutATerminalEachStatusChangeIsOneLineAndBarsAreLeftOut() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressView v = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    v.line("latest: Pulling from library/busybox");
    v.layer("6988212e4ea9", "Pulling fs layer", 0, 0);
    v.layer("3ee4f860bfd1", "Already exists", 0, 0);
    v.layer("6988212e4ea9", "Downloading", 100, 2000);
    v.layer("6988212e4ea9", "Downloading", 900, 2000);
    v.layer("6988212e4ea9", "Download complete", 2000, 2000);
    v.layer("6988212e4ea9", "Pull complete", 0, 0);
    assertEquals("""
        latest: Pulling from library/busybox
        6988212e4ea9: Pulling fs layer
        3ee4f860bfd1: Already exists
        6988212e4ea9: Download complete
        6988212e4ea9: Pull complete
        """, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalALayersLineIsRewrittenInPlaceWithDockersBar() {
    assertEquals("[=========================>                         ]  1.077MB/2.155MB",
        ProgressView.bar(1_077_500, 2_155_000));
    assertEquals("[==================================================>]  2.155MB/2.155MB",
        ProgressView.bar(2_155_000, 2_155_000));
    assertEquals("[>                                                  ]     512B/49.79MB", ProgressView.bar(512, 49_790_000));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressView v = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    v.layer("a", "Pulling fs layer", 0, 0);
    v.layer("b", "Pulling fs layer", 0, 0);
    v.layer("a", "Pull complete", 0, 0);
    assertEquals("a: Pulling fs layer\nb: Pulling fs layer\n\033[2A\r\033[2Ka: Pull complete\033[2B\r",
        bytes.toString(StandardCharsets.UTF_8));
  }
}
