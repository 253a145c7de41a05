package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.PathStat;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.Human;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * {@code docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-} and {@code docker cp [OPTIONS] SRC_PATH|-
 * CONTAINER:DEST_PATH}: the docker CLI's side of the copy (its file and directory rules), over the
 * engine's stat, archive and extract; relative host paths are in the learner's workspace.
 */
final class CopyCommand {
  private CopyCommand() {}

  static Command command() {
    List<Option> opts = List.of(Option.bool("archive", 'a', "opt.cp.archive"),
        Option.bool("follow-link", 'L', "opt.cp.follow-link"), Option.bool("quiet", 'q', "opt.cp.quiet"));
    return new SimpleCommand("cp", "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- "
        + "CONTAINER:DEST_PATH", opts, true, (args, s) -> run(args, s));
  }

  private static int run(Args args, Session s) throws IOException, InterruptedException {
    args.requireExactly(2);
    String source = args.positionals().get(0);
    String destination = args.positionals().get(1);
    if (source.isEmpty()) {
      return fail(s, "source can not be empty");
    }
    if (destination.isEmpty()) {
      return fail(s, "destination can not be empty");
    }
    CopyPaths.Operand src = CopyPaths.Operand.parse(source);
    CopyPaths.Operand dst = CopyPaths.Operand.parse(destination);
    boolean quiet = args.has("quiet") || !s.interaction().isTerminal();
    try {
      if (src.container() != null && dst.container() != null) {
        return fail(s, "copying between containers is not supported");
      }
      if (src.container() != null) {
        return fromContainer(s, src.container(), src.path(), dst.path(), args.has("follow-link"), quiet);
      }
      if (dst.container() != null) {
        return toContainer(s, src.path(), dst.container(), dst.path(), args.has("follow-link"), args.has("archive"),
            quiet);
      }
      return fail(s, "must specify at least one container source");
    } catch (IllegalArgumentException e) {
      return fail(s, e.getMessage());
    } catch (NoSuchFileException e) {
      return fail(s, "lstat " + e.getFile() + ": no such file or directory");
    } catch (IOException e) {
      return fail(s, e.getMessage());
    }
  }

  private static int fromContainer(Session s, String ctr, String srcPath, String dst, boolean follow, boolean quiet)
      throws IOException, InterruptedException {
    String dstPath = dst;
    if (!dst.equals("-")) {
      dstPath = local(s, dst);
      String parent = CopyPaths.dir(CopyPaths.clean(dstPath));
      if (!Files.exists(Path.of(parent))) {
        return fail(s, "invalid output path: directory \"" + parent + "\" does not exist");
      }
      Path p = Path.of(dstPath);
      if (Files.exists(p) && !Files.isDirectory(p) && !Files.isRegularFile(p)) {
        return fail(s, "invalid output path: \"" + dstPath + "\" must be a directory or a regular file: got a device");
      }
    }
    String rebase = "";
    if (follow) {
      try {
        PathStat link = s.engine().containers().statPath(ctr, srcPath);
        if (link.symlink()) {
          String[] r = CopyPaths.rebaseName(srcPath, CopyPaths.linkPath(srcPath, link.linkTarget()));
          srcPath = r[0];
          rebase = r[1];
        }
      } catch (EngineException e) {
        // as the docker CLI: the copy itself says what is wrong
      }
    }
    PathStat stat = s.engine().containers().statPath(ctr, srcPath);
    if (dstPath.equals("-")) {
      s.engine().containers().archivePath(ctr, srcPath, s.out());
      s.out().flush();
      return 0;
    }
    CopyPaths.Info srcInfo = new CopyPaths.Info(srcPath, true, stat.directory(), rebase);
    CopyPaths.Prepared prep;
    try {
      prep = CopyPaths.prepare(srcInfo, destinationInfo(dstPath));
    } catch (NoSuchFileException e) {
      return fail(s, "stat " + e.getFile() + ": no such file or directory");
    }
    String srcBase = CopyPaths.splitPathDirEntry(srcPath)[1];
    String firstName = rebase;
    UnaryOperator<String> rename = n -> CopyPaths.rename(
        firstName.isEmpty() ? n : CopyPaths.rename(n, srcBase, firstName), prep.from(), prep.to());
    String container = ctr;
    String from = srcPath;
    long copied = pipe(out -> s.engine().containers().archivePath(container, from, out),
        in -> HostArchive.untar(in, Path.of(prep.dstDir()), rename));
    if (!quiet) {
      s.err().println("Successfully copied " + Human.size(copied) + " to " + dstPath);
    }
    return 0;
  }

  private static int toContainer(Session s, String src, String ctr, String dstPath, boolean follow,
      boolean copyUidGid, boolean quiet) throws IOException, InterruptedException {
    CopyPaths.Info dstInfo = new CopyPaths.Info(dstPath, false, false, "");
    try {
      PathStat stat = s.engine().containers().statPath(ctr, dstPath);
      String path = dstPath;
      if (stat.symlink()) {
        path = CopyPaths.linkPath(dstPath, stat.linkTarget());
        dstInfo = new CopyPaths.Info(path, false, false, "");
        stat = s.engine().containers().statPath(ctr, path);
      }
      if (stat.device()) {
        return fail(s, "destination \"" + ctr + ":" + dstPath + "\" must be a directory or a regular file: got a device");
      }
      dstInfo = new CopyPaths.Info(path, true, stat.directory(), "");
    } catch (EngineException e) {
      // as the docker CLI: a missing destination may still be made, and the copy says what is wrong
    }
    if (src.equals("-")) {
      if (!dstInfo.dir()) {
        return fail(s, "destination \"" + ctr + ":" + dstPath + "\" must be a directory");
      }
      s.engine().containers().extractToDir(ctr, dstInfo.path(), s.in(), copyUidGid, true);
      if (!quiet) {
        s.err().println("Successfully copied " + Human.size(0) + " to " + ctr + ":" + dstInfo.path());
      }
      return 0;
    }
    CopyPaths.Info srcInfo;
    try {
      srcInfo = sourceInfo(local(s, src), follow);
    } catch (NoSuchFileException e) {
      return fail(s, "lstat " + e.getFile() + ": no such file or directory");
    }
    CopyPaths.Prepared prep = CopyPaths.prepare(srcInfo, dstInfo);
    String srcBase = CopyPaths.splitPathDirEntry(srcInfo.path())[1];
    String top = CopyPaths.rename(srcInfo.rebaseName().isEmpty() ? srcBase : srcInfo.rebaseName(), prep.from(),
        prep.to());
    Path source = Path.of(srcInfo.path());
    long copied = pipe(out -> HostArchive.tar(source, top, out),
        in -> s.engine().containers().extractToDir(ctr, prep.dstDir(), in, copyUidGid, true));
    if (!quiet) {
      s.err().println("Successfully copied " + Human.size(copied) + " to " + ctr + ":" + dstInfo.path());
    }
    return 0;
  }

  /** A host path as the docker CLI makes it absolute: against the workspace, its trailing {@code /} or {@code /.} kept. */
  private static String local(Session s, String path) {
    String abs = CopyPaths.clean(s.workspace().toAbsolutePath().resolve(path).toString());
    return CopyPaths.preserveTrailingDotOrSeparator(abs, path);
  }

  /** go-archive's {@code CopyInfoSourcePath}: the host path resolved (its last link only with {@code -L}). */
  private static CopyPaths.Info sourceInfo(String path, boolean follow) throws IOException {
    String resolved;
    String rebase = "";
    if (follow) {
      String[] r = CopyPaths.rebaseName(path, Path.of(path).toRealPath().toString());
      resolved = r[0];
      rebase = r[1];
    } else {
      int slash = path.lastIndexOf('/');
      String dir = path.substring(0, slash + 1);
      String base = path.substring(slash + 1);
      resolved = Path.of(dir).toRealPath() + "/" + base;
      if (CopyPaths.hasTrailingSeparator(path) && !CopyPaths.base(path).equals(CopyPaths.base(resolved))) {
        rebase = CopyPaths.base(path);
      }
    }
    BasicFileAttributes a = Files.readAttributes(Path.of(resolved), BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    return new CopyPaths.Info(resolved, true, a.isDirectory(), rebase);
  }

  /** go-archive's {@code CopyInfoDestinationPath}: the host destination, a last symlink followed. */
  private static CopyPaths.Info destinationInfo(String path) throws IOException {
    String p = path;
    for (int n = 0; Files.isSymbolicLink(Path.of(p)); n++) {
      if (n > 10) {
        throw new IllegalArgumentException("too many symlinks in " + path);
      }
      p = CopyPaths.linkPath(p, Files.readSymbolicLink(Path.of(p)).toString());
    }
    if (Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS)) {
      return new CopyPaths.Info(p, true, Files.isDirectory(Path.of(p), LinkOption.NOFOLLOW_LINKS), "");
    }
    Path parent = Path.of(CopyPaths.splitPathDirEntry(p)[0]);
    if (!Files.exists(parent)) {
      throw new NoSuchFileException(parent.toString());
    }
    if (!Files.isDirectory(parent)) {
      throw new IllegalArgumentException("not a directory");
    }
    return new CopyPaths.Info(p, false, false, "");
  }

  /** What writes the tar. */
  @FunctionalInterface
  private interface Producer {
    void write(OutputStream out) throws IOException;
  }

  /** What reads the tar. */
  @FunctionalInterface
  private interface Consumer {
    void read(InputStream in) throws IOException;
  }

  /** Streams a tar from {@code producer} (on a thread of its own) to {@code consumer}; returns its bytes. */
  private static long pipe(Producer producer, Consumer consumer) throws IOException, InterruptedException {
    PipedInputStream pipeIn = new PipedInputStream(1 << 16);
    PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try (pipeOut) {
        producer.write(pipeOut);
      } catch (IOException | RuntimeException e) {
        failed.set(e);
      }
    }, "docklab-cp");
    writer.setDaemon(true);
    writer.start();
    long[] count = {0};
    InputStream counting = new FilterInputStream(pipeIn) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        count[0] += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count[0] += Math.max(n, 0);
        return n;
      }
    };
    IOException readFailed = null;
    try {
      consumer.read(counting);
      counting.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      readFailed = e;
    } finally {
      pipeIn.close();
      writer.join();
    }
    Throwable t = failed.get();
    if (readFailed != null && !(t instanceof EngineException)) {
      throw readFailed;
    }
    if (t instanceof EngineException e) {
      throw e;
    }
    if (t instanceof IOException e && !"Pipe closed".equals(e.getMessage())) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    return count[0];
  }

  private static int fail(Session s, String message) {
    s.err().println(message);
    return 1;
  }
}
