package dev.docklab.shell.explain;

import dev.docklab.engine.api.DriverFacts;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Human;
import dev.docklab.shell.render.Wrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code explain drivers}: overlay2, AUFS, btrfs, devicemapper and vfs side by side (how each stores
 * layers, what a write copies, where it stands), what this kernel offers, and the numbers measured here.
 */
public final class DriversView {
  /** The drivers in the order shown: docklab's two first, then Docker's historical ones. */
  static final List<String> DRIVERS = List.of("overlay2", "vfs", "aufs", "btrfs", "devicemapper");

  private DriversView() {}

  /** The lines for a terminal {@code width} columns wide. */
  public static List<String> lines(DriverFacts f, Messages m, int width) {
    List<String> out = new ArrayList<>(Wrap.lines(m.get("explain.drivers.title", f.driver()), "", width));
    for (String d : DRIVERS) {
      out.add("");
      String[] parts = m.get("explain.drivers." + d).split("\n");
      out.addAll(Wrap.lines(parts[0] + (d.equals(f.driver()) ? "  " + m.get("explain.drivers.in-use") : ""), "  ",
          "    ", width));
      for (int i = 1; i < parts.length; i++) {
        out.addAll(Wrap.lines(parts[i], "    ", "      ", width));
      }
    }
    out.add("");
    out.addAll(Wrap.lines(m.get("explain.drivers.kernel", f.kernelHas().isEmpty() ? "-"
        : String.join(", ", f.kernelHas())), "", width));
    out.add("");
    DriverFacts.Measured r = f.measured();
    if (r == null) {
      out.addAll(Wrap.lines(m.get("explain.drivers.measure-hint"), "", width));
      return out;
    }
    out.addAll(Wrap.lines(m.get("explain.drivers.measured", r.image(), String.valueOf(r.layers()),
        Human.size(r.imageBytes())), "", width));
    out.addAll(Wrap.lines(m.get("explain.drivers.measured-overlay", TraceView.took(r.overlayTook()).strip(),
        Human.size(r.overlayBytes())), "  ", "    ", width));
    out.addAll(Wrap.lines(m.get("explain.drivers.measured-vfs", TraceView.took(r.vfsTook()).strip(),
        Human.size(r.vfsBytes())), "  ", "    ", width));
    double times = r.overlayTook().toNanos() == 0 ? 0 : (double) r.vfsTook().toNanos() / r.overlayTook().toNanos();
    out.addAll(Wrap.lines(m.get("explain.drivers.ratio", String.format(Locale.ROOT, "%.0f", times),
        Human.size(Math.max(0, r.vfsBytes() - r.overlayBytes()))), "", width));
    return out;
  }
}
