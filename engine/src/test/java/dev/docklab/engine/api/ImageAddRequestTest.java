package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageAddRequestTest {
  @Test
  void addsOnlyWhatDebiansPackagesCanBuild() {
    EngineException e = assertThrows(EngineException.class, () -> new ImageAddRequest("centos", null, null));
    assertEquals("docklab cannot add an image named centos: it adds debian, tomcat, which Debian's packages can build",
        e.getMessage());
  }

  @Test
  void aMirrorIsAUrlWithoutItsTrailingSlashAndASuiteAWord() {
    assertEquals("https://mirrors.example.cn/debian",
        new ImageAddRequest("debian", "https://mirrors.example.cn/debian/", "trixie").mirror());
    assertEquals(EngineMessage.IMAGE_ADD_BAD_MIRROR,
        assertThrows(EngineException.class, () -> new ImageAddRequest("debian", "deb.debian.org", null)).said());
    assertEquals(EngineMessage.IMAGE_ADD_BAD_SUITE,
        assertThrows(EngineException.class, () -> new ImageAddRequest("debian", null, "../etc")).said());
  }
}
