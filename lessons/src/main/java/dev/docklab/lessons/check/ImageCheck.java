package dev.docklab.lessons.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * An image named {@code ref} exists (or, with {@code exists: false}, does not) with every property
 * asked: the same id as another name, its layers on top of a base image's (and how many more), its
 * author, the comment and the CMD it was made with.
 *
 * @param sameAs another reference that must name the same image (a tag is a second name, not a copy)
 * @param base an image whose layers must be this one's bottom layers
 * @param moreLayers how many layers it has on top of {@code base} (with {@code base}; at least one when null)
 * @param author text its author contains ({@code commit -a}, {@code LABEL} or {@code MAINTAINER})
 * @param comment text the comment of its last history entry contains ({@code commit -m})
 * @param cmd text its CMD contains
 * @param history text one of its history entries contains (the step that made a layer, {@code docker history}'s
 *     CREATED BY)
 */
public record ImageCheck(String ref, Boolean exists, String sameAs, String base, Integer moreLayers, String author,
    String comment, String cmd, String history) implements Check {

  /** An image check without a history entry asked for. */
  public ImageCheck(String ref, Boolean exists, String sameAs, String base, Integer moreLayers, String author,
      String comment, String cmd) {
    this(ref, exists, sameAs, base, moreLayers, author, comment, cmd, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public ImageCheck {
    if (ref == null || ref.isBlank()) {
      throw new IllegalArgumentException("an image check needs ref: the image's name");
    }
    if (moreLayers != null && base == null) {
      throw new IllegalArgumentException("moreLayers counts layers over a base: give base too");
    }
    exists = exists == null ? Boolean.TRUE : exists;
  }

  @Override
  public String kind() {
    return exists ? "image" : "no-image";
  }

  @Override
  public List<Fact> facts() {
    List<Fact> f = new ArrayList<>();
    f.add(new Fact("ref", ref));
    if (sameAs != null) {
      f.add(new Fact("sameAs", sameAs));
    }
    if (base != null) {
      f.add(new Fact("base", base));
    }
    if (moreLayers != null) {
      f.add(new Fact("moreLayers", moreLayers.toString()));
    }
    if (author != null) {
      f.add(new Fact("author", author));
    }
    if (comment != null) {
      f.add(new Fact("comment", comment));
    }
    if (cmd != null) {
      f.add(new Fact("cmd", cmd));
    }
    if (history != null) {
      f.add(new Fact("history", history));
    }
    return f;
  }

  @Override
  public Verdict test(Probe probe) {
    Image image = probe.view().image(ref);
    if (!exists) {
      return Verdict.of(image == null);
    }
    return Verdict.of(image != null && same(image, probe) && layered(image, probe) && authored(image)
        && commented(image) && runs(image) && made(image));
  }

  private boolean same(Image image, Probe probe) {
    if (sameAs == null) {
      return true;
    }
    Image other = probe.view().image(sameAs);
    return other != null && other.id().equals(image.id());
  }

  private boolean layered(Image image, Probe probe) {
    if (base == null) {
      return true;
    }
    Image b = probe.view().image(base);
    if (b == null) {
      return false;
    }
    List<Digest> mine = image.diffIds();
    List<Digest> theirs = b.diffIds();
    int more = mine.size() - theirs.size();
    return more >= 0 && mine.subList(0, theirs.size()).equals(theirs)
        && (moreLayers == null ? more > 0 : more == moreLayers);
  }

  private boolean authored(Image image) {
    if (author == null) {
      return true;
    }
    if (image.config().author() != null && image.config().author().contains(author)) {
      return true;
    }
    return history(image).stream().anyMatch(h -> h.author() != null && h.author().contains(author));
  }

  private boolean commented(Image image) {
    if (comment == null) {
      return true;
    }
    List<ImageConfig.History> h = history(image);
    String last = h.isEmpty() ? null : h.get(h.size() - 1).comment();
    return last != null && last.contains(comment);
  }

  private boolean runs(Image image) {
    if (cmd == null) {
      return true;
    }
    List<String> c = image.config().configOrEmpty().cmd();
    return c != null && String.join(" ", c).contains(cmd);
  }

  private boolean made(Image image) {
    return history == null
        || history(image).stream().anyMatch(h -> h.createdBy() != null && h.createdBy().contains(history));
  }

  private static List<ImageConfig.History> history(Image image) {
    return image.config().history() == null ? List.of() : image.config().history();
  }
}
