package dev.docklab.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.PathStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * {@code docker cp}: {@code HEAD}, {@code GET} and {@code PUT /containers/{id}/archive}, with the path's
 * stat in {@code X-Docker-Container-Path-Stat} (base64 JSON, its mode in Go's {@code os.FileMode} bits).
 */
final class CopyRoutes {
  static final String STAT_HEADER = "X-Docker-Container-Path-Stat";
  private static final long MODE_DIR = 1L << 31;
  private static final long MODE_SYMLINK = 1L << 27;
  private static final long MODE_DEVICE = 1L << 26;
  private static final long MODE_NAMED_PIPE = 1L << 25;
  private static final long MODE_SOCKET = 1L << 24;
  private static final long MODE_SETUID = 1L << 23;
  private static final long MODE_SETGID = 1L << 22;
  private static final long MODE_CHAR_DEVICE = 1L << 21;
  private static final long MODE_STICKY = 1L << 20;
  private final Engine engine;

  CopyRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    String route = "/containers/" + Routes.NAME + "/archive";
    api.on("GET", route, this::get).on("PUT", route, this::put);
  }

  private void get(Exchange x) throws IOException {
    String path = path(x);
    PathStat stat = engine.containers().statPath(x.param(0), path);
    x.response.getHeaders().put(STAT_HEADER, header(stat));
    if (x.request.getMethod().equals("HEAD")) {
      x.noContent(200);
      return;
    }
    try (OutputStream out = x.stream(200, "application/x-tar")) {
      engine.containers().archivePath(x.param(0), path, out);
    }
  }

  private void put(Exchange x) throws IOException {
    String path = path(x);
    engine.containers().inspect(x.param(0));
    try (InputStream in = x.bodyStream()) {
      engine.containers().extractToDir(x.param(0), path, in, x.flag("copyUIDGID"), x.flag("noOverwriteDirNonDir"));
    }
    x.noContent(200);
  }

  private static String path(Exchange x) {
    String path = x.query("path");
    if (path == null || path.isEmpty()) {
      throw ApiError.badRequest("path must not be empty");
    }
    return path;
  }

  /** The stat header's value: Docker's {@code ContainerPathStat} as JSON, base64. */
  static String header(PathStat stat) {
    ObjectNode o = Json.object();
    o.put("name", stat.name());
    o.put("size", stat.size());
    o.put("mode", goMode(stat.mode()));
    o.put("mtime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stat.mtime().atOffset(ZoneOffset.UTC)));
    o.put("linkTarget", stat.linkTarget());
    try {
      return Base64.getEncoder().encodeToString(Json.MAPPER.writeValueAsBytes(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Unix mode as Go's {@code os.FileMode}: the permissions, the type and special bits moved up. */
  static long goMode(int unix) {
    long mode = unix & 0777;
    mode |= switch (unix & 0170000) {
      case 0060000 -> MODE_DEVICE;
      case 0020000 -> MODE_DEVICE | MODE_CHAR_DEVICE;
      case 0040000 -> MODE_DIR;
      case 0010000 -> MODE_NAMED_PIPE;
      case 0120000 -> MODE_SYMLINK;
      case 0140000 -> MODE_SOCKET;
      default -> 0;
    };
    if ((unix & 02000) != 0) {
      mode |= MODE_SETGID;
    }
    if ((unix & 04000) != 0) {
      mode |= MODE_SETUID;
    }
    if ((unix & 01000) != 0) {
      mode |= MODE_STICKY;
    }
    return mode;
  }
}
