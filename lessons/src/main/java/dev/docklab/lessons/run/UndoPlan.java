package dev.docklab.lessons.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code undo} does to take the lesson's things from {@code now} back to {@code before}, worked
 * out from the two lists {@link LessonUndo#things} makes ({@code c ID NAME running|not}, {@code t REF
 * IMAGE-ID}), before anything touches the engine.
 *
 * @param removeContainers ids of the containers the line created
 * @param removeNames image names the line tagged (or committed, or built)
 * @param restoreImages ids of images that had names before and are gone now, each once
 * @param putBackNames names to point at their image again (untagged, moved, or gone with their image)
 * @param restoreContainers the containers removed since, to bring back
 * @param containers every container as it was before: its name and whether it ran
 */
public record UndoPlan(List<String> removeContainers, List<String> removeNames, List<String> restoreImages,
    List<Tag> putBackNames, List<Was> restoreContainers, List<Was> containers) {
  /** An image name and the image it named. */
  public record Tag(String ref, String imageId) {}

  /** A container as it was: id, name, running or not. */
  public record Was(String id, String name, boolean running) {}

  /** The plan from {@code now} back to {@code before}. */
  public static UndoPlan of(List<String> before, List<String> now) {
    Map<String, Was> wasContainers = containers(before);
    Map<String, Was> nowContainers = containers(now);
    Map<String, String> wasNames = names(before);
    Map<String, String> nowNames = names(now);
    Set<String> nowImages = new LinkedHashSet<>(nowNames.values());
    List<String> removeContainers = nowContainers.keySet().stream().filter(id -> !wasContainers.containsKey(id))
        .toList();
    List<String> removeNames = nowNames.keySet().stream().filter(ref -> !wasNames.containsKey(ref)).toList();
    Set<String> restoreImages = new LinkedHashSet<>();
    List<Tag> putBack = new ArrayList<>();
    for (Map.Entry<String, String> e : wasNames.entrySet()) {
      if (!e.getValue().equals(nowNames.get(e.getKey()))) {
        putBack.add(new Tag(e.getKey(), e.getValue()));
        if (!nowImages.contains(e.getValue())) {
          restoreImages.add(e.getValue());
        }
      }
    }
    List<Was> restoreContainers = wasContainers.values().stream().filter(c -> !nowContainers.containsKey(c.id()))
        .toList();
    return new UndoPlan(removeContainers, removeNames, List.copyOf(restoreImages), putBack, restoreContainers,
        List.copyOf(wasContainers.values()));
  }

  private static Map<String, Was> containers(List<String> things) {
    Map<String, Was> out = new LinkedHashMap<>();
    for (String line : things) {
      String[] f = line.split(" ");
      if (f[0].equals(LessonUndo.CONTAINER) && f.length == 4) {
        out.put(f[1], new Was(f[1], f[2], f[3].equals(LessonUndo.RUNNING)));
      }
    }
    return out;
  }

  private static Map<String, String> names(List<String> things) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : things) {
      String[] f = line.split(" ");
      if (f[0].equals(LessonUndo.TAG) && f.length == 3) {
        out.put(f[1], f[2]);
      }
    }
    return out;
  }
}
