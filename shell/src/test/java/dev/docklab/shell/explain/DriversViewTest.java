package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.DriverFacts;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriversViewTest {
  private static final DriverFacts MEASURED = new DriverFacts("overlay2", List.of("overlay", "btrfs"),
      new DriverFacts.Measured("busybox", 1, 2_000_000, 0, Duration.ofMillis(2), 2_000_000, Duration.ofMillis(60)));

  @Test
  void setsTheTutorialsDriversBesideOverlay2AndVfsWithTheNumbersMeasured() {
    String all = String.join("\n", DriversView.lines(MEASURED, new Messages(Messages.Lang.EN), 140));
    for (String words : List.of("overlay2: a union of directories", "AUFS: a union of directories",
        "btrfs: subvolume snapshots", "devicemapper: block-level thin snapshots", "vfs: full copies, no union",
        "per block (extent)", "per block (64 KB by default)", "This kernel offers: overlay, btrfs",
        "overlay2: ready in 2.0 ms; it wrote 0B", "vfs: ready in 60.0 ms; it wrote 2MB",
        "vfs took 30 times as long and wrote 2MB more")) {
      assertTrue(all.contains(words), words + " in:\n" + all);
    }
    assertTrue(all.contains("overlay2: a union of directories (overlayfs, in the kernel since 3.18)  (in use here)"),
        all);
    String unmeasured = String.join("\n", DriversView.lines(new DriverFacts("vfs", List.of(), null),
        new Messages(Messages.Lang.EN), 80));
    assertTrue(unmeasured.contains("explain drivers measure [IMAGE]"), unmeasured);
    assertTrue(unmeasured.contains("vfs: full copies, no union  (in use here)"), unmeasured);
  }

  @Test
  void bothLanguagesWrapWithinTheWidthAndTheChineseHasNoEnglishLabel() {
    for (int width : new int[] {60, 80, 140}) {
      for (Messages.Lang lang : Messages.Lang.values()) {
        List<String> lines = DriversView.lines(MEASURED, new Messages(lang), width);
        lines.forEach(l -> assertTrue(Text.width(l) <= width, width + " " + lang + ": " + l));
        assertFalse(String.join("\n", lines).contains("…"));
      }
    }
    String zh = String.join("\n", DriversView.lines(MEASURED, new Messages(Messages.Lang.ZH), 80));
    assertFalse(zh.contains("Layers:") || zh.contains("Status:") || zh.contains("ready in"), zh);
    assertTrue(zh.contains("块级精简快照"), zh);
  }
}
