package dev.docklab.engine.service;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.bootstrap.AptSources;
import dev.docklab.engine.bootstrap.DebianImage;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Debian root filesystem made by the host's debootstrap from a mirror: the mirror is asked first (a clear
 * error when it cannot be reached), debootstrap's lines go to the caller as they come, and the tree is
 * trimmed as Docker's debian image is. What debootstrap mounts inside the tree (/proc, /sys) is unmounted
 * before the tree is deleted.
 */
final class Debootstrap {
  private static final Duration CONNECT = Duration.ofSeconds(10);

  private Debootstrap() {}

  /**
   * Asks {@code source}'s mirror for its suite's Release file; fails with one line when the mirror cannot be
   * reached or has no such suite.
   */
  static void checkMirror(AptSources.Source source) {
    String url = source.mirror() + "/dists/" + source.suite() + "/Release";
    HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    int status;
    try {
      HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
      status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.MIRROR_UNREACHABLE, e, source.mirror(), why(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.MIRROR_UNREACHABLE, e, source.mirror(), "interrupted");
    } catch (IllegalArgumentException e) {
      throw EngineException.invalid(EngineMessage.IMAGE_ADD_BAD_MIRROR, source.mirror());
    }
    if (status != 200) {
      throw EngineException.notFound(EngineMessage.MIRROR_NO_SUITE, source.mirror(), source.suite(), url, status);
    }
  }

  /** Why a request failed, in a few words (Java's exceptions often carry no message). */
  static String why(IOException e) {
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "no answer within " + CONNECT.toSeconds() + " seconds";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** Runs debootstrap (minbase) into {@code target}, each line of its output to {@code say}; then trims the tree. */
  static void run(AptSources.Source source, Path target, Consumer<String> say) {
    if (!Files.isExecutable(DebianImage.DEBOOTSTRAP)) {
      throw EngineException.notFound(EngineMessage.DEBOOTSTRAP_MISSING, DebianImage.DEBOOTSTRAP);
    }
    List<String> command = DebianImage.command(DebianImage.DEBOOTSTRAP, source.mirror(), source.suite(), target);
    say.accept("$ " + String.join(" ", command));
    Deque<String> last = new ArrayDeque<>();
    int status;
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          say.accept(line);
          last.addLast(line);
          if (last.size() > 20) {
            last.removeFirst();
          }
        }
      }
      status = p.waitFor();
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_ADD_FAILED, e, DebianImage.NAME, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.IMAGE_ADD_FAILED, e, DebianImage.NAME, "interrupted");
    }
    if (status != 0) {
      throw EngineException.system(EngineMessage.DEBOOTSTRAP_FAILED, null, status, failure(List.copyOf(last)));
    }
    trim(target);
  }

  /** debootstrap's own error ({@code E: ...}) among its last lines, else its last line. */
  static String failure(List<String> last) {
    for (int i = last.size() - 1; i >= 0; i--) {
      if (last.get(i).startsWith("E: ")) {
        return last.get(i).substring(3).strip();
      }
    }
    return last.isEmpty() ? "no output" : last.get(last.size() - 1).strip();
  }

  /** Empties what Docker's debian image has empty: caches, apt's lists, device nodes, the host's names. */
  static void trim(Path root) {
    try {
      for (String d : DebianImage.EMPTIED_DIRS) {
        Path dir = root.resolve(d);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          try (var children = Files.list(dir)) {
            for (Path c : children.toList()) {
              if (!c.getFileName().toString().equals("partial")) {
                Trees.deleteRecursively(c);
              }
            }
          }
        }
      }
      for (String f : DebianImage.EMPTIED_FILES) {
        Path file = root.resolve(f);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          Files.write(file, new byte[0]);
        }
      }
      Path policy = Files.writeString(root.resolve("usr/sbin/policy-rc.d"), DebianImage.POLICY_RC_D);
      Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(root.resolve("etc/apt/apt.conf.d/docker-clean"), DebianImage.DOCKER_CLEAN);
      Files.writeString(root.resolve("etc/apt/apt.conf.d/docker-no-languages"), DebianImage.DOCKER_NO_LANGUAGES);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.IMAGE_ADD_FAILED, e, DebianImage.NAME, e.getMessage());
    }
  }

  /** Unmounts what debootstrap left mounted under {@code target} (it mounts /proc and /sys there), then deletes it. */
  static void remove(Path target, Posix posix) throws IOException {
    unmountUnder(target, posix);
    Trees.deleteRecursively(target);
  }

  /** Unmounts every mount under {@code root}, the deepest first. */
  static void unmountUnder(Path root, Posix posix) {
    List<Path> mounts = new ArrayList<>(Mounts.under(root));
    mounts.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path m : mounts) {
      posix.umount(m, Posix.MNT_DETACH);
    }
  }
}
