package dev.docklab.lessons.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import java.util.List;
import java.util.stream.Stream;

/**
 * An image as a recording saw it: its id, its names, its layers, and what a commit or a build wrote in
 * its config.
 *
 * @param refs its names in the familiar form, with their tags ({@code busybox:latest}, {@code mybox:v1})
 * @param layers its layers' diff ids, bottom first
 * @param author its author ({@code commit -a}), or null
 * @param comment the comment of its last history entry ({@code commit -m}), or null
 * @param entrypoint its ENTRYPOINT
 * @param cmd its CMD
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenImage(String id, List<String> refs, List<String> layers, String author, String comment,
    List<String> entrypoint, List<String> cmd) {
  public SeenImage {
    refs = refs == null ? List.of() : List.copyOf(refs);
    layers = layers == null ? List.of() : List.copyOf(layers);
    entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
  }

  /** What {@code image} is now. */
  public static SeenImage of(Image image) {
    ImageConfig config = image.config();
    List<ImageConfig.History> history = config.history() == null ? List.of() : config.history();
    String comment = history.isEmpty() ? null : history.get(history.size() - 1).comment();
    return new SeenImage(image.id().toString(), image.repoTags().stream().map(r -> r.withDefaultTag().familiarString()).toList(),
        image.diffIds().stream().map(Digest::toString).toList(), config.author(), comment,
        config.configOrEmpty().entrypoint(), config.configOrEmpty().cmd());
  }

  /** Its CMD after its ENTRYPOINT: what a container of it runs when given no command. */
  public List<String> defaultCommand() {
    return Stream.concat(entrypoint.stream(), cmd.stream()).toList();
  }
}
