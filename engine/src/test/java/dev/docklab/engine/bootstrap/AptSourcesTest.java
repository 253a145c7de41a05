package dev.docklab.engine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AptSourcesTest {
  /** This machine's own /etc/apt/sources.list.d/debian.sources, as Debian's images write it. */
  private static final String DEB822 = """
      Types: deb
      # http://snapshot.debian.org/archive/debian/20250520T000000Z
      URIs: http://deb.debian.org/debian
      Suites: bookworm bookworm-updates
      Components: main
      Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

      Types: deb
      URIs: http://deb.debian.org/debian-security
      Suites: bookworm-security
      Components: main
      """;

  @Test
  void readsTheReleaseSuiteOfTheFirstDebStanza() {
    assertEquals(new AptSources.Source("http://deb.debian.org/debian", "bookworm"), AptSources.fromDeb822(DEB822));
  }

  @Test
  void skipsSourceStanzasDisabledOnesAndSecuritySuites() {
    String text = """
        Types: deb-src
        URIs: http://src.example/debian
        Suites: bookworm

        Types: deb
        URIs: https://mirrors.example.cn/debian/
        Suites: trixie
        Enabled: no

        Types: deb
        URIs: http://security.debian.org/debian-security
        Suites: trixie-security

        Types: deb
        URIs: https://mirrors.tuna.tsinghua.edu.cn/debian/
        Suites: trixie trixie-updates
        """;
    assertEquals(new AptSources.Source("https://mirrors.tuna.tsinghua.edu.cn/debian", "trixie"),
        AptSources.fromDeb822(text));
  }

  @Test
  void readsTheOneLineFormatWithOptions() {
    String text = """
        # deb cdrom:[Debian GNU/Linux 12]/ bookworm main
        deb-src http://deb.debian.org/debian bookworm main
        deb http://security.debian.org/debian-security bookworm-security main
        deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://ftp.cn.debian.org/debian bookworm main
        """;
    assertEquals(new AptSources.Source("http://ftp.cn.debian.org/debian", "bookworm"), AptSources.fromOneLine(text));
  }

  @Test
  void saysNothingWhenNoLineIsADebianRelease() {
    assertNull(AptSources.fromOneLine("deb file:/media/cdrom bookworm main\n"));
    assertNull(AptSources.fromDeb822("Types: deb\nURIs: http://x/debian\nSuites: bookworm-backports\n"));
  }
}
