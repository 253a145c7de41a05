package dev.docklab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  @Nested
  class Normalizes {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "busybox, docker.io/library/busybox:latest",
        "busybox:1.35, docker.io/library/busybox:1.35",
        "library/busybox, docker.io/library/busybox:latest",
        "docker.io/busybox, docker.io/library/busybox:latest",
        "index.docker.io/library/busybox:1, docker.io/library/busybox:1",
        "user/app:v2, docker.io/user/app:v2",
        "localhost/app, localhost/app:latest",
        "localhost:5000/team/app:dev, localhost:5000/team/app:dev",
        "127.0.0.1:5000/app, 127.0.0.1:5000/app:latest",
        "registry.cn-hangzhou.aliyuncs.com/centos68-registry/tomcat:v1.0, "
            + "registry.cn-hangzhou.aliyuncs.com/centos68-registry/tomcat:v1.0",
        "a/b/c/d:t_1.2-x, docker.io/a/b/c/d:t_1.2-x",
        "my-app__v.2, docker.io/library/my-app__v.2:latest",
    })
    void toCanonicalForm(String input, String canonical) {
      assertEquals(canonical, ImageReference.parse(input).withDefaultTag().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "docker.io/library/busybox:latest, busybox:latest",
        "docker.io/user/app, user/app",
        "localhost:5000/app:1, localhost:5000/app:1",
    })
    void toFamiliarForm(String input, String familiar) {
      assertEquals(familiar, ImageReference.parse(input).familiarString());
    }
  }

  @Nested
  class SplitsIntoParts {
    @Test
    void registryNamespaceRepositoryAndTag() {
      ImageReference r = ImageReference.parse("registry.cn-hangzhou.aliyuncs.com/centos68-registry/tomcat:v1.0");
      assertEquals("registry.cn-hangzhou.aliyuncs.com", r.domain());
      assertEquals("centos68-registry", r.namespace());
      assertEquals("tomcat", r.repository());
      assertEquals("v1.0", r.tag());
      assertNull(r.digest());
    }

    @Test
    void officialImagesLiveInTheLibraryNamespace() {
      ImageReference r = ImageReference.parse("busybox");
      assertEquals("docker.io", r.domain());
      assertEquals("library", r.namespace());
      assertEquals("busybox", r.repository());
      assertNull(r.tag());
    }

    @Test
    void digestReference() {
      String hex = "a".repeat(64);
      ImageReference r = ImageReference.parse("busybox@sha256:" + hex);
      assertEquals("sha256:" + hex, r.digest().toString());
      assertNull(r.tag());
      assertEquals(r, r.withDefaultTag(), "a digest needs no default tag");
    }

    @Test
    void tagAndDigestTogether() {
      String hex = "b".repeat(64);
      ImageReference r = ImageReference.parse("localhost:5000/app:1.0@sha256:" + hex);
      assertEquals("localhost:5000", r.domain());
      assertEquals("1.0", r.tag());
      assertEquals(hex, r.digest().hex());
    }
  }

  @Nested
  class Refuses {
    @ParameterizedTest
    @ValueSource(strings = {"", "busybox:", ":latest", "a::b", "-app", "app-", "a//b", "app:-tag",
        "app@sha256:123", "app:" + "t", "UPPER/app:tag:x"})
    void malformed(String input) {
      if (input.equals("app:t")) {
        assertTrue(ImageReference.isValid(input));
        return;
      }
      EngineException e = assertThrows(EngineException.class, () -> ImageReference.parse(input));
      assertTrue(e.getMessage().startsWith("invalid reference format") || e.getMessage().startsWith("invalid"),
          e.getMessage());
    }

    @Test
    void uppercaseRepositoryWithDockersMessage() {
      EngineException e = assertThrows(EngineException.class, () -> ImageReference.parse("Busybox"));
      assertEquals("invalid reference format: repository name (library/Busybox) must be lowercase", e.getMessage());
    }

    @Test
    void sixtyFourHexAsAName() {
      String hex = "c".repeat(64);
      EngineException e = assertThrows(EngineException.class, () -> ImageReference.parse(hex));
      assertEquals("invalid repository name (" + hex + "), cannot specify 64-byte hexadecimal strings", e.getMessage());
    }

    @Test
    void tooLongName() {
      EngineException e = assertThrows(EngineException.class, () -> ImageReference.parse("a".repeat(300)));
      assertTrue(e.getMessage().contains("must not be more than 255 characters"), e.getMessage());
    }
  }
}
