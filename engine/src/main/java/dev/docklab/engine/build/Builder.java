package dev.docklab.engine.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.BuildFailure;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.image.ConfigChanges;
import dev.docklab.engine.layer.BoundedTarInputStream;
import dev.docklab.engine.layer.LayerStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * {@code docker build} as the classic builder does it, step by step: each instruction makes an
 * image on the one before (RUN in a real container whose changes are committed, COPY/ADD as a layer
 * from the context, the rest as config only), with a cache keyed by the parent image and the
 * instruction (and, for COPY/ADD, the files' contents), and multi-stage builds.
 */
public final class Builder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BuildHost host;
  private final Consumer<String> say;
  private final BiConsumer<Integer, byte[]> runOutput;

  /**
   * @param say receives the build's own lines ({@code Step 1/3 : FROM busybox}, {@code  ---> id})
   * @param runOutput receives what RUN steps print
   */
  public Builder(BuildHost host, Consumer<String> say, BiConsumer<Integer, byte[]> runOutput) {
    this.host = host;
    this.say = say;
    this.runOutput = runOutput;
  }

  /** One stage's state: its current image and config. */
  private static final class Stage {
    Image image; // null for scratch
    ImageConfig config;
    final Map<String, String> args = new LinkedHashMap<>();
    List<String> shell = List.of("/bin/sh", "-c");
  }

  public Digest build(BuildRequest req) {
    List<Dockerfile.Instruction> steps = Dockerfile.parse(req.dockerfileText(), req.dockerfileName());
    Ignore ignore = Ignore.load(req.context());
    say.accept("Sending build context to Docker daemon  " + humanSize(contextSize(req.context(), ignore)));
    Map<String, Image> stages = new HashMap<>();
    Stage stage = null;
    Map<String, String> globalArgs = new LinkedHashMap<>();
    int n = 0;
    for (Dockerfile.Instruction in : steps) {
      n++;
      say.accept("Step " + n + "/" + steps.size() + " : " + in.text());
      if (in.keyword().equals("FROM")) {
        if (stage != null && stage.image != null) {
          stages.put(String.valueOf(stages.size()), stage.image);
        }
        stage = from(in, stages, globalArgs, req.buildArgs());
        continue;
      }
      if (stage == null) {
        if (in.keyword().equals("ARG")) {
          String[] kv = argDefault(in.args());
          globalArgs.put(kv[0], req.buildArgs().getOrDefault(kv[0], kv[1]));
          continue;
        }
        throw EngineException.invalid(req.dockerfileName() + ":" + in.line() + ": no build stage in current context");
      }
      step(stage, in, req, ignore, stages, n);
    }
    if (stage == null || stage.image == null) {
      throw EngineException.invalid(EngineMessage.BUILD_NO_IMAGE);
    }
    say.accept("Successfully built " + stage.image.id().shortHex());
    for (String t : req.tags()) {
      host.tag(t, stage.image.id());
      say.accept("Successfully tagged " + ImageReference.parse(t).withDefaultTag()
          .familiarString());
    }
    return stage.image.id();
  }

  private Stage from(Dockerfile.Instruction in, Map<String, Image> stages, Map<String, String> globalArgs,
      Map<String, String> buildArgs) {
    String[] words = in.args().split("\\s+");
    String base = expand(words[0], globalArgs);
    Stage s = new Stage();
    if (base.equals("scratch")) {
      s.config = new ImageConfig(arch(), "linux", null, null, ImageConfig.RunConfig.of(null, null), null, List.of());
      say.accept(" ---> ");
    } else {
      Image img = stages.get(base);
      if (img == null) {
        img = host.findImage(base);
      }
      if (img == null) {
        throw EngineException.notFound(EngineMessage.BUILD_BASE_MISSING, base);
      }
      s.image = img;
      s.config = img.config();
      say.accept(" ---> " + img.id().shortHex());
    }
    if (words.length == 3 && words[1].equalsIgnoreCase("AS")) {
      stagesAlias.put(words[2], s);
    }
    return s;
  }

  /** Stages by their AS name, resolved when a later stage ends or is referenced. */
  private final Map<String, Stage> stagesAlias = new HashMap<>();

  private void step(Stage s, Dockerfile.Instruction in, BuildRequest req, Ignore ignore, Map<String, Image> stages, int n) {
    String kw = in.keyword();
    String args = expand(in.args(), s.args);
    ImageConfig.RunConfig rc = s.config.configOrEmpty();
    switch (kw) {
      case "RUN" -> run(s, in, args);
      case "COPY", "ADD" -> copy(s, in, args, req, ignore, stages);
      case "ARG" -> {
        String[] kv = argDefault(args);
        s.args.put(kv[0], req.buildArgs().getOrDefault(kv[0], kv[1]));
        configStep(s, in, rc);
      }
      case "MAINTAINER" -> {
        s.config = new ImageConfig(s.config.architecture(), s.config.os(), s.config.created(), args, rc,
            s.config.rootfs(), s.config.history());
        configStep(s, in, rc);
      }
      case "SHELL" -> {
        s.shell = words(args);
        configStep(s, in, rc);
      }
      case "VOLUME" -> {
        Map<String, Object> volumes = rc.volumes() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(rc.volumes());
        for (String v : words(args)) {
          volumes.put(v, Map.of());
        }
        configStep(s, in, new ImageConfig.RunConfig(rc.user(), rc.env(), rc.entrypoint(), rc.cmd(), rc.workingDir(),
            rc.labels(), rc.exposedPorts(), volumes, rc.stopSignal()));
      }
      case "ONBUILD" -> configStep(s, in, rc.withOnBuild(args));
      case "HEALTHCHECK" -> configStep(s, in, rc.withHealthcheck(healthcheck(args)));
      case "WORKDIR" -> {
        String dir = args.startsWith("/") ? args : (rc.workingDir() == null ? "/" : rc.workingDir()) + "/" + args;
        configStep(s, in, ConfigChanges.apply(rc, List.of("WORKDIR " + Path.of(dir).normalize())));
      }
      default -> configStep(s, in, ConfigChanges.apply(rc, List.of(kw + " " + args)));
    }
  }

  private String key(Stage s, Dockerfile.Instruction in, String extra) {
    return (s.image == null ? "scratch" : s.image.id().toString()) + "|" + in.text() + "|" + s.args + "|" + extra;
  }

  private boolean fromCache(Stage s, String key, boolean noCache) {
    if (noCache) {
      return false;
    }
    Digest cached = host.cached(key);
    if (cached == null) {
      return false;
    }
    try {
      s.image = host.image(cached);
      s.config = s.image.config();
      say.accept(" ---> Using cache");
      say.accept(" ---> " + s.image.id().shortHex());
      return true;
    } catch (EngineException e) {
      return false; // the cached image was removed
    }
  }

  private boolean noCache;

  private ImageConfig next(Stage s, ImageConfig.RunConfig rc, String createdBy, boolean emptyLayer) {
    List<ImageConfig.History> history = new ArrayList<>(s.config.history() == null ? List.of() : s.config.history());
    String now = Instant.now().toString();
    history.add(new ImageConfig.History(now, createdBy, null, null, emptyLayer ? Boolean.TRUE : null));
    return new ImageConfig(s.config.architecture() == null ? arch() : s.config.architecture(),
        s.config.os() == null ? "linux" : s.config.os(), now, s.config.author(), rc, null, history);
  }

  private void configStep(Stage s, Dockerfile.Instruction in, ImageConfig.RunConfig rc) {
    String key = key(s, in, "");
    if (fromCache(s, key, noCache)) {
      return;
    }
    Digest id = host.newImage(s.image, null, next(s, rc, "/bin/sh -c #(nop)  " + in.text(), true));
    s.image = host.image(id);
    s.config = s.image.config();
    host.remember(key, id);
    say.accept(" ---> " + id.shortHex());
  }

  private void run(Stage s, Dockerfile.Instruction in, String args) {
    String key = key(s, in, "");
    if (fromCache(s, key, noCache)) {
      return;
    }
    if (s.image == null) {
      throw EngineException.invalid(EngineMessage.RUN_FROM_SCRATCH);
    }
    List<String> cmd = args.startsWith("[") ? ConfigChanges.apply(ImageConfig.RunConfig.of(null, null),
        List.of("CMD " + args)).cmd() : concat(s.shell, args);
    List<String> env = new ArrayList<>();
    s.args.forEach((k, v) -> env.add(k + "=" + v));
    BuildHost.RunOutcome out = host.run(s.image, cmd, env,
        id -> say.accept(" ---> Running in " + id.substring(0, 12)), runOutput);
    try {
      if (out.exitCode() != 0) {
        throw new BuildFailure("The command '" + String.join(" ", cmd) + "' returned a non-zero code: "
            + out.exitCode(), out.exitCode());
      }
      Digest id = host.commit(out.containerId(), s.image, next(s, s.config.configOrEmpty(),
          String.join(" ", cmd), false));
      say.accept("Removing intermediate container " + out.containerId().substring(0, 12));
      s.image = host.image(id);
      s.config = s.image.config();
      host.remember(key, id);
      say.accept(" ---> " + id.shortHex());
    } finally {
      host.removeContainer(out.containerId());
    }
  }

  private void copy(Stage s, Dockerfile.Instruction in, String args, BuildRequest req, Ignore ignore,
      Map<String, Image> stages) {
    List<String> parts = words(args);
    if (parts.size() < 2) {
      throw EngineException.invalid(req.dockerfileName() + ":" + in.line() + ": " + in.keyword()
          + " requires at least two arguments");
    }
    String dest = parts.get(parts.size() - 1);
    String workdir = s.config.configOrEmpty().workingDir();
    if (!dest.startsWith("/")) {
      dest = (workdir == null || workdir.isEmpty() ? "/" : workdir + "/") + dest;
    }
    boolean destIsDir = dest.endsWith("/") || parts.size() > 2;
    String fromStage = in.flag("from");
    Path mount = null;
    Path root = req.context().toAbsolutePath().normalize();
    try {
      if (fromStage != null) {
        Stage named = stagesAlias.get(fromStage);
        Image img = named != null ? named.image : stages.get(fromStage);
        if (img == null) {
          img = host.findImage(fromStage);
        }
        if (img == null) {
          throw EngineException.notFound(EngineMessage.COPY_FROM_NO_STAGE, fromStage);
        }
        mount = host.mountReadOnly(img);
        root = mount;
      }
      ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
      MessageDigest contentHash = Sha256.newDigest();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes, StandardCharsets.UTF_8.name())) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (String src : parts.subList(0, parts.size() - 1)) {
          if (src.startsWith("http://") || src.startsWith("https://")) {
            throw EngineException.invalid(EngineMessage.ADD_URL_OFFLINE, src);
          }
          List<Path> matches = glob(root, src, fromStage == null ? ignore : Ignore.NONE, req, in);
          for (Path p : matches) {
            boolean archive = in.keyword().equals("ADD") && Files.isRegularFile(p)
                && p.getFileName().toString().matches(".*\\.(tar|tar\\.gz|tgz)$");
            String target = destIsDir || Files.isDirectory(p) && !archive ? dest.replaceAll("/+$", "") : dest;
            if (archive) {
              addArchive(tar, p, target, contentHash);
            } else if (Files.isDirectory(p)) {
              addTree(tar, p, target, fromStage == null ? ignore : Ignore.NONE, root, contentHash);
            } else {
              addFile(tar, p, destIsDir ? target + "/" + p.getFileName() : target, contentHash);
            }
          }
        }
      }
      Digest content = Sha256.of(contentHash);
      String key = key(s, in, content.toString());
      if (fromCache(s, key, noCache)) {
        return;
      }
      Digest id = host.newImage(s.image, new ByteArrayInputStream(tarBytes.toByteArray()),
          next(s, s.config.configOrEmpty(), "/bin/sh -c #(nop) " + in.keyword() + " file:" + content.hex()
              + " in " + dest + " ", false));
      s.image = host.image(id);
      s.config = s.image.config();
      host.remember(key, id);
      say.accept(" ---> " + id.shortHex());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BUILD_STEP_FAILED, e, in.keyword(), e.getMessage());
    } finally {
      if (mount != null) {
        host.unmountReadOnly(mount);
      }
    }
  }

  private static List<Path> glob(Path root, String src, Ignore ignore, BuildRequest req, Dockerfile.Instruction in)
      throws IOException {
    Path direct = root.resolve(src.startsWith("/") ? src.substring(1) : src).normalize();
    if (!direct.startsWith(root)) {
      throw EngineException.invalid(req.dockerfileName() + ":" + in.line() + ": " + in.keyword() + " failed: forbidden "
          + "path outside the build context: " + src);
    }
    List<Path> out = new ArrayList<>();
    if (!src.contains("*") && !src.contains("?") && !src.contains("[")) {
      if (!Files.exists(direct, LinkOption.NOFOLLOW_LINKS) || ignore.excludes(root.relativize(direct))) {
        throw EngineException.notFound(in.keyword() + " failed: file not found in build context or excluded by "
            + ".dockerignore: stat " + src + ": file does not exist");
      }
      out.add(direct);
      return out;
    }
    PathMatcher m = root.getFileSystem().getPathMatcher("glob:" + src);
    try (var list = Files.list(direct.getParent())) {
      for (Path p : list.sorted().toList()) {
        if (m.matches(root.relativize(p)) && !ignore.excludes(root.relativize(p))) {
          out.add(p);
        }
      }
    }
    if (out.isEmpty()) {
      throw EngineException.notFound(in.keyword() + " failed: no source files were specified");
    }
    return out;
  }

  private static void addFile(TarArchiveOutputStream tar, Path p, String target, MessageDigest hash)
      throws IOException {
    String name = target.replaceFirst("^/+", "");
    TarArchiveEntry e;
    if (Files.isSymbolicLink(p)) {
      e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else {
      e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
      e.setSize(Files.size(p));
    }
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    e.setMode(mode & 07777);
    e.setIds(0, 0);
    e.setModTime(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
    tar.putArchiveEntry(e);
    hash.update((name + "\0" + (mode & 07777) + "\0").getBytes(StandardCharsets.UTF_8));
    if (!Files.isSymbolicLink(p)) {
      byte[] content = Files.readAllBytes(p);
      tar.write(content);
      hash.update(content);
    }
    tar.closeArchiveEntry();
  }

  private static void addTree(TarArchiveOutputStream tar, Path dir, String target, Ignore ignore, Path root,
      MessageDigest hash) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted().toList()) {
        if (p.equals(dir) || ignore.excludes(root.relativize(p))) {
          continue;
        }
        String name = target + "/" + dir.relativize(p);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          TarArchiveEntry e = new TarArchiveEntry(name.replaceFirst("^/+", "") + "/", TarConstants.LF_DIR);
          e.setMode((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777);
          e.setModTime(Files.getLastModifiedTime(p).toMillis());
          tar.putArchiveEntry(e);
          tar.closeArchiveEntry();
          hash.update((name + "/\0").getBytes(StandardCharsets.UTF_8));
        } else {
          addFile(tar, p, name, hash);
        }
      }
    }
  }

  /** ADD of a local tar: its entries land under the destination, unpacked. */
  private static void addArchive(TarArchiveOutputStream tar, Path archive, String target,
      MessageDigest hash) throws IOException {
    try (InputStream raw = Files.newInputStream(archive);
        TarArchiveInputStream in = new BoundedTarInputStream(LayerStore.decompress(raw))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        String name = (target.replaceFirst("^/+", "") + "/" + e.getName().replaceFirst("^\\./", ""))
            .replaceFirst("^/+", "");
        e.setName(e.isDirectory() && !name.endsWith("/") ? name + "/" : name);
        if (e.isLink()) {
          e.setLinkName((target.replaceFirst("^/+", "") + "/" + e.getLinkName()).replaceFirst("^/+", ""));
        }
        tar.putArchiveEntry(e);
        if (e.isFile() && !e.isLink()) {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) > 0; ) {
            tar.write(buf, 0, n);
            hash.update(buf, 0, n);
          }
        }
        tar.closeArchiveEntry();
        hash.update(name.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** {@code HEALTHCHECK [--interval=D ...] CMD command} or {@code HEALTHCHECK NONE}, in Docker's config form. */
  static Map<String, Object> healthcheck(String args) {
    Map<String, Object> h = new LinkedHashMap<>();
    String rest = args.strip();
    if (rest.equalsIgnoreCase("NONE")) {
      h.put("Test", List.of("NONE"));
      return h;
    }
    while (rest.startsWith("--")) {
      int sp = rest.indexOf(' ');
      String flag = sp < 0 ? rest : rest.substring(0, sp);
      int eq = flag.indexOf('=');
      if (eq > 0) {
        String name = flag.substring(2, eq);
        String value = flag.substring(eq + 1);
        switch (name) {
          case "interval" -> h.put("Interval", durationNanos(value));
          case "timeout" -> h.put("Timeout", durationNanos(value));
          case "start-period" -> h.put("StartPeriod", durationNanos(value));
          case "start-interval" -> h.put("StartInterval", durationNanos(value));
          case "retries" -> h.put("Retries", Integer.parseInt(value));
          default -> throw EngineException.invalid(EngineMessage.HEALTHCHECK_FLAG, name);
        }
      }
      rest = sp < 0 ? "" : rest.substring(sp + 1).strip();
    }
    if (!rest.regionMatches(true, 0, "CMD ", 0, 4)) {
      throw EngineException.invalid(EngineMessage.HEALTHCHECK_FORM, rest);
    }
    String cmd = rest.substring(4).strip();
    List<String> test = new ArrayList<>();
    if (cmd.startsWith("[")) {
      test.add("CMD");
      test.addAll(words(cmd));
    } else {
      test.add("CMD-SHELL");
      test.add(cmd);
    }
    h.put("Test", test);
    return h;
  }

  private static long durationNanos(String text) {
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
    if (!m.matches()) {
      throw EngineException.invalid(EngineMessage.HEALTHCHECK_DURATION, text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> n * 1_000_000L;
      case "s" -> n * 1_000_000_000L;
      case "m" -> n * 60_000_000_000L;
      default -> n * 3_600_000_000_000L;
    };
  }

  private static List<String> concat(List<String> shell, String command) {
    List<String> c = new ArrayList<>(shell);
    c.add(command);
    return c;
  }

  static List<String> words(String args) {
    if (args.startsWith("[")) {
      try {
        return JSON.readValue(args, new TypeReference<List<String>>() {});
      } catch (IOException e) {
        // not JSON: words
      }
    }
    return List.of(args.split("\\s+"));
  }

  private static String[] argDefault(String args) {
    int eq = args.indexOf('=');
    return eq < 0 ? new String[] {args.strip(), ""} : new String[] {args.substring(0, eq), args.substring(eq + 1)};
  }

  /** {@code $VAR} and {@code ${VAR}} from the build args in scope. */
  static String expand(String text, Map<String, String> vars) {
    String out = text;
    for (Map.Entry<String, String> v : vars.entrySet()) {
      out = out.replace("${" + v.getKey() + "}", v.getValue()).replaceAll("\\$" + v.getKey() + "\\b",
          Matcher.quoteReplacement(v.getValue()));
    }
    return out;
  }

  private static String arch() {
    return System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
  }

  private static long contextSize(Path context, Ignore ignore) {
    long[] total = {0};
    try (var walk = Files.walk(context)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !ignore.excludes(context.relativize(p)))
          .forEach(p -> {
            try {
              total[0] += Files.size(p);
            } catch (IOException e) {
              // gone
            }
          });
    } catch (IOException e) {
      throw EngineException.invalid(EngineMessage.BUILD_CONTEXT_UNREADABLE, context, e.getMessage());
    }
    return total[0];
  }

  /** Docker's progress size: 2.048kB, 1.5MB. */
  static String humanSize(long bytes) {
    String[] units = {"B", "kB", "MB", "GB"};
    double v = bytes;
    int i = 0;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return (i == 0 ? String.valueOf(bytes) : String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", ""))
        + units[i];
  }

  /** Builds with or without the cache. */
  public Builder noCache(boolean value) {
    this.noCache = value;
    return this;
  }
}
