package dev.docklab.lessons.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.PortMapping;
import java.util.List;

/**
 * A container as a recording saw it: what a goal check can ask of it.
 *
 * @param image the image as it was typed ({@code web})
 * @param state created, running, paused, exited...
 * @param exitCode its last exit code
 * @param command its full command line (entrypoint, then arguments)
 * @param interactive {@code -i}
 * @param ports the ports it asked to publish ({@code -p}), a host port of 0 for any
 * @param publishAll {@code -P}
 * @param mounts its bind mounts and volumes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenContainer(String id, String name, String image, String imageId, String state, int exitCode,
    List<String> command, boolean tty, boolean interactive, List<PortMapping> ports, boolean publishAll,
    List<Container.MountPoint> mounts) {
  public SeenContainer {
    command = command == null ? List.of() : List.copyOf(command);
    ports = ports == null ? List.of() : List.copyOf(ports);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
  }

  /** What {@code c} is now. */
  public static SeenContainer of(Container c) {
    Container.HostConfig host = c.hostConfig();
    return new SeenContainer(c.id(), c.name(), c.image(), c.imageId(), c.state().status().dockerName(),
        c.state().exitCode(), c.command(), c.tty(), c.openStdin(), host == null ? List.of() : host.portBindings(),
        host != null && host.publishAll(), c.mounts());
  }

  /** Whether its processes exist (running or paused). */
  public boolean running() {
    return state.equals("running") || state.equals("paused");
  }
}
