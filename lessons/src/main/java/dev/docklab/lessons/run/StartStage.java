package dev.docklab.lessons.run;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.model.StartContainer;
import dev.docklab.lessons.model.StartState;
import java.util.List;
import java.util.Map;

/**
 * Prepares a lesson's start state on the real engine: the lesson's containers from an earlier try
 * (those labelled {@code docklab.lesson=ID}) removed, the names it owns removed, the images it needs
 * there (pulled when missing), the hub's accounts made and the tags it owns removed from the hub, and
 * its own containers created, labelled as the lesson's. The
 * learner's own containers are never touched.
 */
public final class StartStage {
  private StartStage() {}

  public static void prepare(Engine engine, Lesson lesson) {
    for (Container c : engine.containers().list(true)) {
      if (lesson.id().equals(c.labels().get(Lesson.LABEL))) {
        engine.containers().remove(c.id(), true, true);
      }
    }
    StartState start = lesson.start();
    for (String ref : start.images().absent()) {
      if (engine.images().find(ref) != null) {
        engine.images().remove(ref, false, true);
      }
    }
    for (String ref : start.images().present()) {
      if (engine.images().find(ref) == null) {
        engine.images().pull(ref, Progress.NONE);
      }
    }
    for (StartState.Published p : start.hub().present()) {
      if (engine.images().find(p.from()) == null) {
        engine.images().pull(p.from(), Progress.NONE);
      }
      engine.registries().publish(p.from(), p.ref());
    }
    if (!start.hub().users().isEmpty() || !start.hub().absent().isEmpty()) {
      try (HubAdmin hub = engine.registries().hub()) {
        for (StartState.User u : start.hub().users()) {
          if (!hub.users().containsKey(u.name())) {
            hub.addUser(u.name(), u.password(), false);
          }
        }
        for (String ref : start.hub().absent()) {
          ImageReference r = ImageReference.parse(ref).withDefaultTag();
          hub.untag(r.path(), r.tag());
        }
      }
    }
    for (StartContainer sc : start.containers()) {
      Image image = engine.images().resolveForRun(sc.image(), Progress.NONE);
      RunRequest request = new RunRequest(sc.image(), sc.name(), sc.command(), List.of(), 0, 0, false, sc.tty(),
          sc.interactive(), RestartPolicy.NO, List.of(), RunRequest.Network.DEFAULT, Map.of(Lesson.LABEL, lesson.id()));
      Container created = engine.containers().create(request, image);
      if (sc.start()) {
        engine.containers().start(created);
      }
    }
  }
}
