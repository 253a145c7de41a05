package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.SearchResult;
import dev.docklab.shell.render.Wrap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Teaching lines after Docker's own, where the offline hub differs from Docker Hub: a pull of what the
 * hub lacks says what it has and what to use instead; a search for {@code NAME:TAG} says that search
 * finds repositories, not tags.
 */
final class HubNotes {
  private static final Set<String> LINUX = Set.of("centos", "ubuntu", "debian", "alpine", "fedora", "rockylinux",
      "almalinux", "archlinux", "opensuse", "amazonlinux", "oraclelinux");
  private static final Set<String> WEB = Set.of("nginx", "httpd", "tomcat", "apache", "caddy", "jetty", "lighttpd");

  private HubNotes() {}

  /**
   * After Docker's "pull access denied" for {@code text}: when the name went to docklab's hub standing in
   * for Docker Hub, what the hub holds (read from it) and what to use instead.
   */
  static void afterPullDenied(String text, EngineException e, Session s) {
    if (!e.getMessage().startsWith("pull access denied")) {
      return;
    }
    try {
      ImageReference ref = ImageReference.parse(text).withDefaultTag();
      if (!ref.domain().equals(ImageReference.DEFAULT_DOMAIN) || !s.engine().registries().settings().hubIsDockerHub()) {
        return;
      }
      List<SearchResult> all = s.engine().registries().search("", 100);
      String held = all.stream().map(SearchResult::name).collect(Collectors.joining(s.msg("list.sep")));
      String name = ref.familiarName();
      String bare = name.substring(name.lastIndexOf('/') + 1);
      String instead = LINUX.contains(bare) ? "pull.instead.linux" : WEB.contains(bare) ? "pull.instead.web"
          : "pull.instead.other";
      String line = s.msg("pull.offline-hub", name, held) + s.msg("sentence.sep") + s.msg(instead);
      Wrap.lines(line, "", s.width()).forEach(s.err()::println);
    } catch (RuntimeException x) {
      // a teaching line must never hide Docker's own error
    }
  }

  /** After search's table: a term with a tag ({@code tomcat:9.0}) finds no repository; say why and what works. */
  static void afterSearch(String term, Session s) {
    int colon = term.lastIndexOf(':');
    if (colon <= 0 || colon == term.length() - 1 || term.substring(colon).contains("/")) {
      return;
    }
    Wrap.lines(s.msg("search.not-tags", term.substring(0, colon), term), "", s.width()).forEach(s.out()::println);
  }
}
