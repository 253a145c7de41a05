package dev.docklab.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The short links of {@code DATA_ROOT/l/}: one symbolic link a layer dir (or a container's init layer),
 * named by the first 12 hex digits of the SHA-256 of its target's path, so that the overlay mount options
 * of a deep image fit in a page, as Docker's overlay2 does with its {@code l/} directory. A link goes with
 * what it names: the layer store drops a layer's link when it deletes the layer, and the engine's start
 * drops the links a crash or an older docklab left dangling.
 */
public final class ShortLinks {
  private final Path dir;

  public ShortLinks(Layout layout) {
    this.dir = layout.shortLinks();
  }

  /** {@code l/XXXXXXXXXXXX}, a symbolic link to {@code target}, made once (atomically). */
  public Path link(Path target) throws IOException {
    Files.createDirectories(dir);
    String name = name(target);
    Path link = dir.resolve(name);
    if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
      return link;
    }
    Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, target);
    Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return link;
  }

  /** Removes the link to {@code target}, if there is one; a link of the same name to anything else stays. */
  public void drop(Path target) throws IOException {
    Path link = dir.resolve(name(target));
    try {
      if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
        Files.delete(link);
      }
    } catch (NoSuchFileException gone) {
      // removed meanwhile: what was asked
    }
  }

  /**
   * Removes the links whose target is gone (a layer deleted by an older docklab, which left its link, or a
   * crash between a delete and the link's), and the temp links of a {@link #link} cut short. Returns what
   * it removed.
   */
  public List<Path> dropDangling() throws IOException {
    List<Path> dropped = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return dropped;
    }
    try (DirectoryStream<Path> links = Files.newDirectoryStream(dir)) {
      for (Path link : links) {
        boolean temp = link.getFileName().toString().startsWith(".");
        if (Files.isSymbolicLink(link) && (temp || !Files.exists(link))) {
          Files.deleteIfExists(link);
          dropped.add(link);
        }
      }
    }
    return dropped;
  }

  /** The name of {@code target}'s short link: the first 12 hex digits of the SHA-256 of its path. */
  static String name(Path target) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(target.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
