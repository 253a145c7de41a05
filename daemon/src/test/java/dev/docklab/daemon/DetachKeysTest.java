package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
  @Test
  void ctrlPCtrlQIsTheDefault() {
    assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse(null));
    assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse(""));
  }

  @Test
  void parsesDockersForm() {
    assertArrayEquals(new byte[] {1, 'x'}, DetachKeys.parse("ctrl-a,x"));
    assertArrayEquals(new byte[] {0x1c}, DetachKeys.parse("ctrl-\\"));
  }

  @Test
  void refusesWhatIsNoKey() {
    ApiError e = assertThrows(ApiError.class, () -> DetachKeys.parse("ctrl-ab"));
    assertEquals("Invalid escape keys (ctrl-ab) provided", e.getMessage());
  }

  @Test
  void detachesOnTheSequenceAndPassesWhatCameBefore() {
    DetachKeys keys = new DetachKeys(DetachKeys.DEFAULT);
    byte[] in = {'l', 's', 16, 17, 'x'};
    assertArrayEquals("ls".getBytes(StandardCharsets.US_ASCII), keys.scan(in, in.length));
    assertTrue(keys.detached());
  }

  @Test
  void aSequenceSplitAcrossReadsStillDetaches() {
    DetachKeys keys = new DetachKeys(DetachKeys.DEFAULT);
    assertArrayEquals(new byte[0], keys.scan(new byte[] {16}, 1));
    assertFalse(keys.detached());
    keys.scan(new byte[] {17}, 1);
    assertTrue(keys.detached());
  }

  @Test
  void aBrokenSequenceIsPassedOn() {
    DetachKeys keys = new DetachKeys(DetachKeys.DEFAULT);
    assertArrayEquals(new byte[] {16, 'a'}, keys.scan(new byte[] {16, 'a'}, 2));
    assertFalse(keys.detached());
  }
}
