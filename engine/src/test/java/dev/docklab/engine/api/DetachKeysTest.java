package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
  private static byte[] parse(String text) {
    return DetachKeys.parse(text, t -> new IllegalArgumentException("refused " + t));
  }

  @Test
  void ctrlPCtrlQIsTheDefault() {
    assertArrayEquals(new byte[] {16, 17}, parse(null));
    assertArrayEquals(new byte[] {16, 17}, parse(""));
  }

  @Test
  void parsesDockersForm() {
    assertArrayEquals(new byte[] {1, 'x'}, parse("ctrl-a,x"));
    assertArrayEquals(new byte[] {0x1c}, parse("ctrl-\\"));
    assertArrayEquals(new byte[] {0, 0x1b, 0x1f}, parse("ctrl-@,ctrl-[,ctrl-_"));
  }

  @Test
  void refusesWhatIsNoKeyInTheCallersWords() {
    for (String bad : new String[] {"ctrl-ab", "ctrl-1", "ab", "ctrl-a,", ",x"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad));
      assertEquals("refused " + bad, e.getMessage());
    }
  }

  @Test
  void detachesOnTheSequenceAndPassesWhatCameBefore() {
    DetachKeys keys = new DetachKeys(DetachKeys.defaults());
    byte[] in = {'l', 's', 16, 17, 'x'};
    assertArrayEquals("ls".getBytes(StandardCharsets.US_ASCII), keys.scan(in, in.length));
    assertTrue(keys.detached());
  }

  @Test
  void aSequenceSplitAcrossReadsStillDetaches() {
    DetachKeys keys = new DetachKeys(DetachKeys.defaults());
    assertArrayEquals(new byte[0], keys.scan(new byte[] {16}, 1));
    assertFalse(keys.detached());
    keys.scan(new byte[] {17}, 1);
    assertTrue(keys.detached());
  }

  @Test
  void aBrokenSequenceIsPassedOn() {
    DetachKeys keys = new DetachKeys(DetachKeys.defaults());
    assertArrayEquals(new byte[] {16, 'a'}, keys.scan(new byte[] {16, 'a'}, 2));
    assertFalse(keys.detached());
  }
}
