package dev.docklab.engine.bootstrap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What docklab's offline hub holds from the start, with the metadata {@code docker search} shows: each
 * repository is a local base image published under the hub's name and several tags. Stars and the
 * official and automated flags are set here, made up to resemble Docker Hub's (so that
 * {@code --filter stars=N} and {@code is-automated=true} have something to find); the README says so.
 */
public final class HubCatalogue {
  /**
   * One repository of the hub.
   *
   * @param repository its name on the hub ({@code library/busybox}, {@code docklab/toolbox})
   * @param source the local image it is published from ({@code busybox:latest})
   * @param tags the hub's tags for it, besides those the local repository of the same name already has
   * @param description what search shows
   * @param stars the star count search shows (made up, Docker Hub-like)
   * @param official whether search marks it {@code [OK]} as an official image
   * @param automated whether search marks it as an automated build
   */
  public record Entry(String repository, String source, List<String> tags, String description, int stars,
      boolean official, boolean automated) {
    public Entry {
      tags = List.copyOf(tags);
    }

    /** The name a learner types ({@code busybox} for {@code library/busybox}). */
    public String shortName() {
      return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }
  }

  /** The hub's repositories, most starred first. */
  public static final List<Entry> ENTRIES = List.of(
      new Entry("library/busybox", "busybox:latest", List.of("latest", "1", "stable", "glibc"),
          "BusyBox: the Swiss Army knife of embedded Linux in 2 MB, built offline from busybox-static",
          3300, true, false),
      new Entry("library/" + WebImage.NAME, WebImage.NAME + ":latest", List.of("latest", "1", "1.0"),
          "A tiny web server for the lessons: busybox httpd serving a page on port 80", 48, true, false),
      new Entry("docklab/httpd", WebImage.NAME + ":latest", List.of("latest", "2", "2.4"),
          "Stand-in for a web server image (busybox httpd on port 80), built automatically from web's Dockerfile",
          17, false, true),
      new Entry("docklab/toolbox", "busybox:latest", List.of("latest", "1.0", "edge"),
          "Stand-in for a small Linux toolbox (busybox's sh, ls, wget, vi...), built automatically", 6, false, true));

  private HubCatalogue() {}

  /**
   * The catalogue with the repositories {@code docklab images add} put on the hub ({@code added}, kept in the
   * data root): a bundled entry of the same repository gives way to the added one; most starred first.
   */
  public static List<Entry> with(List<Entry> added) {
    List<Entry> all = new ArrayList<>(added);
    for (Entry e : ENTRIES) {
      if (added.stream().noneMatch(a -> a.repository().equals(e.repository()))) {
        all.add(e);
      }
    }
    all.sort(Comparator.comparingInt(Entry::stars).reversed());
    return List.copyOf(all);
  }
}
