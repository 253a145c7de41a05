package dev.docklab.daemon;

import dev.docklab.engine.api.Engine;

/** Every route of the daemon, wired to one engine. */
final class Routes {
  /** A container, image or exec named in a path: anything up to the next slash. */
  static final String NAME = "([^/]+)";

  private Routes() {}

  static Api api(Engine engine, EventHub events) {
    events.bind(engine);
    Api api = new Api(Engine.VERSION);
    Attachments attachments = new Attachments(engine);
    new SystemRoutes(engine, events).register(api);
    new ContainerRoutes(engine, attachments).register(api);
    new ResourceRoutes(engine).register(api);
    new StreamRoutes(engine, events, attachments).register(api);
    new ExecRoutes(engine).register(api);
    new ImageRoutes(engine).register(api);
    new PushRoute(engine).register(api);
    new BuildRoute(engine).register(api);
    new ArchiveRoutes(engine).register(api);
    new CopyRoutes(engine).register(api);
    new VolumeRoutes(engine).register(api);
    new PruneRoutes(engine).register(api);
    new CallRoutes(engine, events, attachments).register(api);
    return api;
  }
}
