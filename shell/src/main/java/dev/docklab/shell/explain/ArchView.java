package dev.docklab.shell.explain;

import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Text;
import dev.docklab.shell.render.Wrap;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote API part of {@code explain arch}: the socket the engine is served on, with its mode and
 * group, the process that serves it and the clients connected at this moment; or, when nothing serves
 * it, that there is no socket.
 */
public final class ArchView {
  private ArchView() {}

  /** The lines for {@code socket} (null: not served), at most {@code width} columns wide. */
  public static List<String> api(ApiSocket socket, Messages m, int width) {
    List<String> out = new ArrayList<>();
    if (socket == null) {
      out.addAll(Wrap.lines(m.get("explain.arch.api.off"), "", width));
      return out;
    }
    out.addAll(Wrap.lines(m.get("explain.arch.api.title"), "", width));
    String[] labels = {m.get("explain.arch.api.socket"), m.get("explain.arch.api.daemon"),
        m.get("explain.arch.api.clients")};
    int column = 2;
    for (String l : labels) {
      column = Math.max(column, Text.width(l) + 4);
    }
    String rest = " ".repeat(column);
    out.addAll(Wrap.row("  " + labels[0], column, socket.path(), width));
    out.addAll(Wrap.lines(m.get("explain.arch.api.mode", "s" + socket.mode(), socket.owner(), socket.group()),
        rest, rest + "  ", width));
    out.addAll(Wrap.row("  " + labels[1], column, m.get("explain.arch.api.pid", String.valueOf(socket.daemonPid())),
        width));
    if (socket.clients().isEmpty()) {
      out.addAll(Wrap.row("  " + labels[2], column, m.get("explain.arch.api.no-clients"), width));
    } else {
      boolean first = true;
      for (ApiSocket.Client c : socket.clients()) {
        String who = m.get("explain.arch.api.client", c.command(), String.valueOf(c.pid()));
        out.addAll(Wrap.row(first ? "  " + labels[2] : "", column, who, width));
        first = false;
      }
    }
    out.addAll(Wrap.lines(m.get("explain.arch.api.try", "unix://" + socket.path()), "", "  ", width));
    return out;
  }
}
