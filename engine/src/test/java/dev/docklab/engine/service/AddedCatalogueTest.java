package dev.docklab.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.engine.bootstrap.DebianImage;
import dev.docklab.engine.bootstrap.HubCatalogue;
import dev.docklab.engine.bootstrap.TomcatImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddedCatalogueTest {
  @TempDir
  Path root;

  @Test
  void nothingIsAddedUntilAnImageIs() {
    assertEquals(List.of(), new AddedCatalogue(root.resolve("hub-catalogue.json")).read());
  }

  @Test
  void entriesSurviveANewReaderAndASecondAddOfOneRepositoryReplacesIt() throws IOException {
    Path file = root.resolve("hub-catalogue.json");
    new AddedCatalogue(file).put(DebianImage.entry("bookworm"));
    new AddedCatalogue(file).put(TomcatImage.entry());
    new AddedCatalogue(file).put(DebianImage.entry("trixie"));
    List<HubCatalogue.Entry> read = new AddedCatalogue(file).read();
    assertEquals(List.of(TomcatImage.entry(), DebianImage.entry("trixie")), read);
    try (var files = Files.list(root)) {
      assertEquals(List.of(file), files.toList(), "written through a temp file and a rename, nothing left over");
    }
  }
}
