package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real engine with its base images on a fresh data root: for each test when registered on an instance
 * field ({@code @RegisterExtension final EngineFixture fx = new EngineFixture();}), for the whole class on a
 * static one; destroyed after it (containers removed, engine closed, root deleted), and no mount may stay.
 */
public final class EngineFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private Path root;
  private Engine engine;
  private boolean perClass;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    perClass = true;
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    destroy();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      open();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      destroy();
    }
  }

  /** The data root. */
  public Path root() {
    return root;
  }

  /** The engine open on it (null after {@link #forget}). */
  public Engine engine() {
    return engine;
  }

  /** Opens a new engine on the same root, as a second docklab would; the test closed or killed the one before. */
  public Engine reopen() {
    engine = TestEngines.open(root);
    return engine;
  }

  /** Notes that the test closed the engine itself: nothing is left to close until {@link #reopen}. */
  public void forget() {
    engine = null;
  }

  private void open() throws Exception {
    root = TestEngines.newDataRoot();
    engine = TestEngines.open(root);
    engine.system().ensureBaseImages();
  }

  private void destroy() throws Exception {
    TestEngines.destroy(engine, root);
    assertTrue(Mounts.under(root).isEmpty(), "mounts left under " + root);
  }
}
