package dev.docklab.engine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubCatalogueTest {
  @Test
  void addedRepositoriesJoinTheBundledOnesMostStarredFirst() {
    List<HubCatalogue.Entry> all = HubCatalogue.with(List.of(TomcatImage.entry(), DebianImage.entry("bookworm")));
    assertEquals(List.of("debian", "tomcat", "busybox", "web", "docklab/httpd", "docklab/toolbox"),
        all.stream().map(HubCatalogue.Entry::shortName).toList());
  }

  @Test
  void anAddedRepositoryReplacesABundledOneOfTheSameName() {
    HubCatalogue.Entry mine = new HubCatalogue.Entry("library/web", "web:latest", List.of("latest"), "mine", 1,
        false, false);
    List<HubCatalogue.Entry> all = HubCatalogue.with(List.of(mine));
    assertEquals(HubCatalogue.ENTRIES.size(), all.size());
    assertEquals(mine, all.get(all.size() - 1));
  }
}
