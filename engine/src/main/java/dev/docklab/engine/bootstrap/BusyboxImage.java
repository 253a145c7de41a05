package dev.docklab.engine.bootstrap;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.layer.TarBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import dev.docklab.engine.api.EngineOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base image {@code busybox}, made offline from the host's statically linked busybox (Debian's
 * busybox-static): layer 1 is the binary with a link for each applet, layer 2 the files of /etc.
 * Everything is stamped with the binary's own mtime, so one package version always gives one image id.
 */
public final class BusyboxImage {
  public static final Path DEFAULT_BINARY = EngineOptions.DEFAULT_BUSYBOX;
  public static final String PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final Pattern VERSION = Pattern.compile("BusyBox v(\\d+)\\.(\\d+)\\.(\\d+)");

  /** The two layers, the config to finish the image with, and the version for tags. */
  public record Recipe(List<byte[]> layers, ImageConfig config, String version) {
    /** Tags: latest, MAJOR.MINOR and MAJOR.MINOR.PATCH. */
    public List<String> tags() {
      String[] v = version.split("\\.");
      return List.of("latest", v[0] + "." + v[1], version);
    }
  }

  private BusyboxImage() {}

  /** Reads the host's busybox and describes the image, without touching any store. */
  public static Recipe recipe(Path binary) {
    try {
      if (!Files.isRegularFile(binary)) {
        throw EngineException.notFound(EngineMessage.BUSYBOX_MISSING, binary);
      }
      if (isDynamic(binary)) {
        throw EngineException.invalid(EngineMessage.BUSYBOX_DYNAMIC, binary);
      }
      String version = version(binary);
      List<String> applets = applets(binary);
      Instant mtime = Files.getLastModifiedTime(binary).toInstant().truncatedTo(ChronoUnit.SECONDS);
      byte[] bin = Files.readAllBytes(binary);

      TarBuilder base = new TarBuilder(mtime);
      TreeSet<String> dirs = new TreeSet<>(List.of("bin", "dev", "etc", "home", "proc", "root", "sys", "tmp",
          "usr", "usr/bin", "usr/sbin", "sbin", "var", "var/spool", "var/spool/mail", "var/www"));
      for (String applet : applets) {
        int slash = applet.lastIndexOf('/');
        if (slash > 0) {
          dirs.add(applet.substring(0, slash));
        }
      }
      for (String d : dirs) {
        base.dir(d, d.equals("tmp") ? 01777 : d.equals("root") ? 0700 : 0755);
      }
      base.file("bin/busybox", 0755, bin);
      for (String applet : applets) {
        if (!applet.equals("bin/busybox")) {
          base.symlink(applet, "/bin/busybox");
        }
      }
      TarBuilder etc = new TarBuilder(mtime)
          .dir("etc", 0755)
          .file("etc/passwd", 0644, PASSWD)
          .file("etc/group", 0644, GROUP)
          .file("etc/shadow", 0640, SHADOW)
          .file("etc/hosts", 0644, "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
          .file("etc/nsswitch.conf", 0644, "hosts: files dns\n");
      String created = mtime.toString();
      String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
      List<ImageConfig.History> history = new ArrayList<>();
      history.add(new ImageConfig.History(created, "COPY busybox-static " + version + " /bin/busybox + "
          + (applets.size() - 1) + " applet links # built offline by docklab from the host's " + binary, null,
          null, null));
      history.add(new ImageConfig.History(created, "COPY etc/passwd etc/group etc/shadow etc/hosts "
          + "etc/nsswitch.conf /etc/", null, null, null));
      history.add(new ImageConfig.History(created, "CMD [\"sh\"]", null, null, true));
      ImageConfig config = new ImageConfig(arch, "linux", created, null,
          ImageConfig.RunConfig.of(List.of(PATH_ENV), List.of("sh")), null, history);
      return new Recipe(List.of(base.toBytes(), etc.toBytes()), config, version);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BUSYBOX_UNREADABLE, e, binary, e.getMessage());
    }
  }

  static String version(Path binary) throws IOException {
    String out = run(binary.toString());
    Matcher m = VERSION.matcher(out);
    if (!m.find()) {
      throw EngineException.system(EngineMessage.BUSYBOX_NO_VERSION, null, binary);
    }
    return m.group(1) + "." + m.group(2) + "." + m.group(3);
  }

  static List<String> applets(Path binary) throws IOException {
    List<String> list = new ArrayList<>();
    for (String line : run(binary.toString(), "--list-full").split("\n")) {
      String a = line.strip();
      if (!a.isEmpty() && !a.startsWith("/") && !a.contains("..")) {
        list.add(a);
      }
    }
    return list;
  }

  private static String run(String... cmd) throws IOException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** True when the ELF file has a PT_INTERP program header, i.e. needs a dynamic loader. */
  static boolean isDynamic(Path elf) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(elf.toFile(), "r")) {
      byte[] ident = new byte[16];
      f.readFully(ident);
      if (ident[0] != 0x7f || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F' || ident[4] != 2) {
        return false; // not a 64-bit ELF: let the runtime judge
      }
      ByteBuffer hdr = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
      f.seek(0);
      f.readFully(hdr.array());
      long phoff = hdr.getLong(32);
      int phentsize = hdr.getShort(54) & 0xffff;
      int phnum = hdr.getShort(56) & 0xffff;
      for (int i = 0; i < phnum; i++) {
        f.seek(phoff + (long) i * phentsize);
        int type = Integer.reverseBytes(f.readInt());
        if (type == 3) {
          return true;
        }
      }
      return false;
    }
  }

  private static final String PASSWD = String.join("\n",
      "root:x:0:0:root:/root:/bin/sh",
      "daemon:x:1:1:daemon:/usr/sbin:/bin/false",
      "bin:x:2:2:bin:/bin:/bin/false",
      "sys:x:3:3:sys:/dev:/bin/false",
      "sync:x:4:100:sync:/bin:/bin/sync",
      "mail:x:8:8:mail:/var/spool/mail:/bin/false",
      "www-data:x:33:33:www-data:/var/www:/bin/false",
      "operator:x:37:37:Operator:/var:/bin/false",
      "nobody:x:65534:65534:nobody:/home:/bin/false", "");
  private static final String GROUP = String.join("\n",
      "root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:",
      "wheel:x:10:root", "mail:x:12:", "www-data:x:33:", "operator:x:37:", "users:x:100:",
      "nogroup:x:65534:", "");
  private static final String SHADOW = String.join("\n",
      "root:*::0:::::", "daemon:*::0:::::", "bin:*::0:::::", "sys:*::0:::::", "sync:*::0:::::",
      "mail:*::0:::::", "www-data:*::0:::::", "operator:*::0:::::", "nobody:*::0:::::", "");
}
