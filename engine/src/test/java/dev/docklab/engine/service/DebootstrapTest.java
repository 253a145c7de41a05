package dev.docklab.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.bootstrap.AptSources;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebootstrapTest {
  @TempDir
  Path tree;

  @Test
  void aMirrorNobodyAnswersOnIsOneClearLine() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String mirror = "http://127.0.0.1:" + port + "/debian";
    EngineException e = assertThrows(EngineException.class,
        () -> Debootstrap.checkMirror(new AptSources.Source(mirror, "bookworm")));
    assertEquals(EngineMessage.MIRROR_UNREACHABLE, e.said());
    assertEquals("cannot reach the Debian mirror " + mirror + ": connection refused (check the network, or give "
        + "another one with --mirror URL)", e.getMessage());
  }

  @Test
  void aMirrorWithoutTheSuiteSaysSoAndOneWithItPasses() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      boolean release = x.getRequestURI().getPath().equals("/debian/dists/bookworm/Release");
      x.sendResponseHeaders(release ? 200 : 404, -1);
      x.close();
    });
    server.start();
    try {
      String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/debian";
      Debootstrap.checkMirror(new AptSources.Source(mirror, "bookworm"));
      EngineException e = assertThrows(EngineException.class,
          () -> Debootstrap.checkMirror(new AptSources.Source(mirror, "bullseye")));
      assertEquals(EngineMessage.MIRROR_NO_SUITE, e.said());
      assertTrue(e.getMessage().startsWith("the Debian mirror " + mirror + " has no suite bullseye (" + mirror
          + "/dists/bullseye/Release answered 404)"), e.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void debootstrapsOwnErrorIsTheLineThatIsShown() {
    assertEquals("Failed getting release file http://x/debian/dists/bookworm/Release",
        Debootstrap.failure(List.of("I: Retrieving InRelease", "E: Failed getting release file "
            + "http://x/debian/dists/bookworm/Release", "")));
    assertEquals("W: something", Debootstrap.failure(List.of("I: one", "W: something")));
  }

  @Test
  void theTreeIsTrimmedAsDockersDebianImage() throws IOException {
    for (String d : List.of("dev/pts", "var/cache/apt/archives/partial", "var/lib/apt/lists/partial", "tmp", "var/tmp",
        "usr/sbin", "etc/apt/apt.conf.d")) {
      Files.createDirectories(tree.resolve(d));
    }
    Files.writeString(tree.resolve("var/cache/apt/archives/bash_5.2_amd64.deb"), "deb");
    Files.writeString(tree.resolve("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_Release"), "release");
    Files.writeString(tree.resolve("etc/hostname"), "the-host\n");
    Files.writeString(tree.resolve("etc/resolv.conf"), "nameserver 10.0.0.1\n");
    Files.writeString(tree.resolve("etc/debian_version"), "12.11\n");
    Debootstrap.trim(tree);
    assertFalse(Files.exists(tree.resolve("dev/pts")));
    assertFalse(Files.exists(tree.resolve("var/cache/apt/archives/bash_5.2_amd64.deb")));
    assertFalse(Files.exists(tree.resolve("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_Release")));
    assertTrue(Files.isDirectory(tree.resolve("var/lib/apt/lists/partial")), "apt needs its partial dirs");
    assertEquals("", Files.readString(tree.resolve("etc/hostname")), "the host's name is not the image's");
    assertEquals("", Files.readString(tree.resolve("etc/resolv.conf")));
    assertEquals("12.11\n", Files.readString(tree.resolve("etc/debian_version")));
    assertTrue(Files.isExecutable(tree.resolve("usr/sbin/policy-rc.d")));
    assertTrue(Files.readString(tree.resolve("etc/apt/apt.conf.d/docker-clean")).contains("Dir::Cache::pkgcache \"\";"));
    assertTrue(Files.readString(tree.resolve("etc/apt/apt.conf.d/docker-no-languages")).contains("Acquire::Languages"));
  }
}
