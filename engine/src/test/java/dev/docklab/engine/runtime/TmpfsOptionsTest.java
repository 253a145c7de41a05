package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --tmpfs} options merged over Docker's defaults. */
class TmpfsOptionsTest {
  @Test
  void noOptionsAreDockersDefaults() {
    assertEquals(List.of("noexec", "nosuid", "nodev", "rprivate"), TmpfsOptions.merge(""));
  }

  @Test
  void aLaterFlagReplacesItsOppositeAndALaterValueItsKey() {
    assertEquals(List.of("nosuid", "nodev", "rprivate", "exec", "size=2m", "ro"),
        TmpfsOptions.merge("size=1m,exec,size=2m,ro"));
  }
}
