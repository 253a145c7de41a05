package dev.docklab.shell.command;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.api.RunRefusals;
import dev.docklab.engine.api.Started;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.engine.api.DetachKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * What the docker client itself does for {@code run} and {@code create} around the daemon's create: the pull
 * policy ({@code --pull}, {@code -q}, {@code --platform}), {@code --cidfile}, {@code --label-file}, {@code -e KEY}
 * from its own environment, {@code -a}; and the flags a daemon without the feature refuses in its own words.
 */
final class RunClient {
  private static final Set<String> STREAMS = Set.of("stdin", "stdout", "stderr");
  /** Where {@code docklab daemon} and a hosting REPL serve the engine. */
  private static final Path API_SOCKET = Path.of("/run/docklab/docklab.sock");

  private RunClient() {}

  /** The client-side options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of(
        Option.value("pull", '\0', "string", "opt.run.pull"),
        Option.bool("quiet", 'q', "opt.run.quiet"),
        Option.value("platform", '\0', "string", "opt.run.platform"),
        Option.value("cidfile", '\0', "string", "opt.run.cidfile"),
        Option.value("label-file", '\0', "list", "opt.run.label-file"),
        Option.value("attach", 'a', "list", "opt.run.attach"),
        Option.bool("sig-proxy", '\0', "opt.run.sig-proxy"),
        Option.value("detach-keys", '\0', "string", "opt.run.detach-keys"),
        Option.value("annotation", '\0', "map", "opt.run.annotation"),
        Option.value("runtime", '\0', "string", "opt.run.runtime"),
        Option.value("volume-driver", '\0', "string", "opt.run.volume-driver"),
        Option.bool("use-api-socket", '\0', "opt.run.use-api-socket"),
        Option.bool("disable-content-trust", '\0', "opt.run.disable-content-trust"),
        Option.value("isolation", '\0', "string", "opt.run.isolation"),
        Option.value("gpus", '\0', "gpu-request", "opt.run.gpus"));
  }

  /** The client's checks before it asks the daemon anything; an {@code EngineException} in the client's words. */
  static void check(Args args, boolean detach, Path workspace) {
    String pull = args.value("pull", "missing");
    if (!pull.equals("missing") && !pull.equals("always") && !pull.equals("never")) {
      throw EngineException.invalid("invalid pull option: '" + pull
          + "': must be one of \"always\", \"missing\" or \"never\"");
    }
    for (String a : args.values("attach")) {
      if (!STREAMS.contains(a.toLowerCase(Locale.ROOT))) {
        throw EngineException.invalid("invalid argument \"" + a + "\" for \"-a, --attach\" flag: valid streams are "
            + "STDIN, STDOUT and STDERR");
      }
    }
    if (detach && !args.values("attach").isEmpty()) {
      throw EngineException.invalid("Conflicting options: -a and -d");
    }
    detachKeys(args);
    String cidfile = args.value("cidfile", null);
    if (cidfile != null && Files.exists(workspace.resolve(cidfile))) {
      throw EngineException.invalid("container ID file found, make sure the other container isn't running or delete "
          + cidfile);
    }
  }

  /** The keys of {@code --detach-keys} (Ctrl+P Ctrl+Q without it), refused in the docker CLI's words. */
  static byte[] detachKeys(Args args) {
    return DetachKeys.parse(args.value("detach-keys", null),
        keys -> EngineException.invalid("Invalid detach keys (" + keys + ") provided"));
  }

  /** The daemon's refusals of what it lacks ({@code --isolation}, {@code --gpus}, {@code --runtime}...). */
  static void refusals(Args args, Session s, String imageText) {
    RunRefusals.isolation(args.value("isolation", ""));
    RunRefusals.gpus(args.value("gpus", null) != null);
    RunRefusals.runtime(args.value("runtime", ""), s.engine().system().info().runtime());
    RunRefusals.volumeDriver(args.value("volume-driver", ""));
    String platform = args.value("platform", "");
    if (!platform.isEmpty()) {
      RunRefusals.platform(platform, imageText, s.engine().images().find(imageText) != null);
    }
  }

  /**
   * {@code -e}: {@code KEY=VALUE} as given; a bare {@code KEY} takes its value from the client's environment and is
   * dropped when the client has none, as the docker client does.
   */
  static List<String> env(List<String> values, Function<String, String> environment) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v.indexOf('=') >= 0) {
        out.add(v);
      } else if (environment.apply(v) != null) {
        out.add(v + "=" + environment.apply(v));
      }
    }
    return out;
  }

  /** {@code --label-file} lines (blank lines and {@code #} comments skipped), then {@code --label}: what labels reads. */
  static List<String> labels(Args args, Path workspace) {
    List<String> out = new ArrayList<>();
    for (String file : args.values("label-file")) {
      Path path = workspace.resolve(file);
      List<String> lines;
      try {
        lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw EngineException.invalid("open " + file + ": no such file or directory");
      }
      for (String line : lines) {
        String l = line.stripLeading();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(line);
        }
      }
    }
    out.addAll(args.values("label"));
    return out;
  }

  /**
   * The image to create from, by {@code --pull}: missing (the default) pulls it when it is not here, always
   * pulls first, never refuses a missing one with the daemon's "No such image"; {@code -q} keeps the pull quiet.
   */
  static Image image(Args args, Session s, String imageText) {
    String policy = args.value("pull", "missing");
    boolean quiet = args.has("quiet");
    if (policy.equals("always")) {
      pull(imageText, quiet, s);
      return s.engine().images().find(imageText);
    }
    Image image = s.engine().images().find(imageText);
    if (image != null) {
      return image;
    }
    String familiar = ImageReference.parse(imageText).withDefaultTag().familiarString();
    if (policy.equals("never")) {
      throw EngineException.notFound("No such image: " + familiar);
    }
    if (!quiet) {
      s.err().println("Unable to find image '" + familiar + "' locally");
    }
    return s.engine().images().resolveForRun(imageText, Progress.NONE); // throws the registry error
  }

  /** {@code --pull always}: the pull's lines on stderr, as the docker client writes them, unless quiet. */
  private static void pull(String imageText, boolean quiet, Session s) {
    ImageReference full = ImageReference.parse(imageText).withDefaultTag();
    Pulled pulled = s.engine().images().pull(imageText, Progress.NONE);
    if (!quiet) {
      s.err().println((full.tag() != null ? full.tag() : full.digest().toString()) + ": Pulling from " + full.path());
      s.err().println("Digest: " + pulled.digest());
      s.err().println(pulled.newer() ? "Status: Downloaded newer image for " + full.familiarString()
          : "Status: Image is up to date for " + full.familiarString());
    }
  }

  /** {@code --cidfile}: the new container's id written to the file (atomically: temp, then rename). */
  static void writeCidFile(Args args, String id, Path workspace) {
    String cidfile = args.value("cidfile", null);
    if (cidfile == null) {
      return;
    }
    Path path = workspace.resolve(cidfile).toAbsolutePath();
    try {
      Path tmp = Files.createTempFile(path.getParent(), ".cid", ".tmp");
      Files.writeString(tmp, id);
      Files.move(tmp, path);
    } catch (IOException e) {
      throw EngineException.invalid("failed to write the container ID to the file: " + e.getMessage());
    }
  }

  /**
   * {@code --use-api-socket}: the engine's socket (docklab's, served to other terminals) bound at
   * {@code /var/run/docker.sock}, so that a docker client inside talks to this engine; refused as Docker refuses a
   * bind of a missing path when no socket is served.
   */
  static List<VolumeSpec> apiSocket(Args args) {
    if (!args.has("use-api-socket")) {
      return List.of();
    }
    if (!Files.exists(API_SOCKET)) {
      throw EngineException.invalid("invalid mount config for type \"bind\": bind source path does not exist: "
          + API_SOCKET);
    }
    return List.of(VolumeSpec.parseMount("type=bind,src=" + API_SOCKET + ",dst=/var/run/docker.sock"));
  }

  /** {@code --sig-proxy}: true unless {@code --sig-proxy=false}. */
  static boolean proxiesSignals(Args args) {
    return !"false".equals(args.value("sig-proxy", "true"));
  }

  /**
   * A foreground run with {@code --sig-proxy=false}: the container's output until it ends, but Ctrl-C reaches
   * docklab, not the container, and leaves it running (as it ends a docker client that proxies no signal); 130
   * then, as a shell's status after Ctrl-C.
   */
  static int runUnproxied(Args args, Session s, Container c) {
    Started started = s.engine().containers().start(c.id(), true);
    Attachment a = started.attachment();
    AtomicBoolean left = new AtomicBoolean();
    s.foreground().cancellable(() -> {
      left.set(true);
      a.close();
    });
    try {
      Attachment.Packet p;
      while ((p = a.read()) != null) {
        if (attached(args, p.stream())) {
          var target = p.stream() == 1 ? s.out() : s.err();
          target.write(p.data(), 0, p.data().length);
          target.flush();
        }
      }
    } catch (RuntimeException e) {
      if (!left.get()) {
        throw e;
      }
    } finally {
      s.foreground().finished();
      a.close();
    }
    return left.get() ? 130 : s.engine().containers().wait(c.id());
  }

  /** Whether {@code -a} lets stream 1 (stdout) or 2 (stderr) through: all of them when {@code -a} is not given. */
  static boolean attached(Args args, int stream) {
    List<String> a = args.values("attach").stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    return a.isEmpty() || a.contains(stream == 1 ? "stdout" : "stderr");
  }
}
