package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void acceptsDockerNamesAndDropsTheSlash() {
    assertEquals("web-1.a_b", Names.validate("/web-1.a_b"));
  }

  @Test
  void refusesInvalidNameInDockersWords() {
    EngineException e = assertThrows(EngineException.class, () -> Names.validate("my box"));
    assertEquals("Invalid container name (my box), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", e.getMessage());
  }

  @Test
  void randomNamesHaveDockersShape() {
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      String n = Names.random(r);
      assertTrue(n.matches("[a-z]+_[a-z]+"), n);
      Names.validate(n);
    }
  }
}
