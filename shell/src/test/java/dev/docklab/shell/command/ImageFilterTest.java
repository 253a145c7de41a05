package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which images {@code docker images} lists, and which it calls dangling, as Docker does. */
class ImageFilterTest {
  private static final ImageConfig.History FROM = step("ADD rootfs.tar /");
  private static final Image BASE = image(1, List.of(FROM), List.of(layer(1)), "busybox");
  private int nextId = 100;

  @Test
  void leavesOutABuildStepsImageButKeepsItUnderAll() {
    Image step = image(nextId++, List.of(FROM, step("RUN a")), List.of(layer(1), layer(2)));
    Image built = image(nextId++, List.of(FROM, step("RUN a"), step("CMD sh")), List.of(layer(1), layer(2)), "app");
    Image dangling = image(nextId++, List.of(FROM, step("RUN b")), List.of(layer(1), layer(3)));
    List<Image> all = List.of(BASE, step, built, dangling);

    assertEquals(List.of(BASE, built, dangling), ImageFilter.withoutIntermediate(all));
    assertEquals(List.of(dangling.id()), ids(ImageFilter.apply(all, null, List.of("dangling=true"))));
    assertEquals(List.of(BASE.id(), step.id(), built.id()), ids(ImageFilter.apply(all, null, List.of("dangling=false"))));
  }

  @Test
  void anImageWithTheSameHistoryOnOtherLayersIsNotItsParent() {
    Image other = image(nextId++, List.of(FROM), List.of(layer(9)));
    Image child = image(nextId++, List.of(FROM, step("RUN a")), List.of(layer(1), layer(2)));
    Image sameSteps = image(nextId++, List.of(FROM, step("RUN a")), List.of(layer(1), layer(2)));

    List<Image> listed = ImageFilter.apply(List.of(other, child, sameSteps), null, List.of("dangling=true"));

    assertEquals(List.of(other.id(), child.id(), sameSteps.id()), ids(listed));
  }

  @Test
  void anImageWithoutHistoryIsTheParentOfOneOnItsLayers() {
    Image imported = image(nextId++, null, List.of(layer(1)));
    Image child = image(nextId++, List.of(FROM), List.of(layer(1), layer(2)));

    assertEquals(List.of(child.id()), ids(ImageFilter.apply(List.of(imported, child), null, List.of("dangling=true"))));
  }

  @Test
  void findsTheDanglingAmongTwentyThousandImagesWithoutTryingEveryPair() {
    List<Image> all = new ArrayList<>(List.of(BASE));
    IntStream.range(0, 20_000).forEach(i -> all.add(image(nextId++, List.of(FROM, step("LABEL n=" + i)),
        List.of(layer(1)))));

    List<Image> dangling = assertTimeoutPreemptively(Duration.ofSeconds(10), // every pair: 4e8 checks, minutes
        () -> ImageFilter.apply(ImageFilter.withoutIntermediate(all), null, List.of("dangling=true")));

    assertEquals(20_000, dangling.size());
  }

  private static List<Digest> ids(List<Image> images) {
    return images.stream().map(Image::id).toList();
  }

  private static ImageConfig.History step(String createdBy) {
    return new ImageConfig.History("2024-01-01T00:00:00Z", createdBy, null, null, null);
  }

  private static String layer(int n) {
    return Digest.sha256(hex(n)).toString();
  }

  private static Image image(int n, List<ImageConfig.History> history, List<String> layers, String... tags) {
    ImageConfig config = new ImageConfig("amd64", "linux", "2024-01-01T00:00:00Z", null, null,
        new ImageConfig.RootFs("layers", layers), history);
    return new Image(Digest.sha256(hex(n)), Digest.sha256(hex(n + 1_000_000)), config,
        List.of(tags).stream().map(ImageReference::parse).toList(), 0);
  }

  private static String hex(int n) {
    return HexFormat.of().toHexDigits((long) n).repeat(4);
  }
}
