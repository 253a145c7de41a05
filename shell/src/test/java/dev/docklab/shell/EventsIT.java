package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docker events} in the REPL: what the learner's own commands did, as Docker reports it. */
class EventsIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/local/bin/docker")), "the docker CLI reads the event stream");
    t = new Transcript(Files.createTempDirectory("docklab-events-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (t != null) {
      t.destroy();
      assertTrue(Mounts.under(t.root).isEmpty());
    }
  }

  // --until 0s is the CLI's "now" in whole seconds, as Docker's: an event of this very second would come after it,
  // so each line waits a second before it reads the events.

  @Test
  void theReplsOwnVerbsAreEventsWithTheirNames() {
    Transcript.Result r = t.run("docker run -d --name ev busybox sleep 60 >/dev/null; docker pause ev; "
        + "docker unpause ev; docker rename ev ev2; docker stop -t 1 ev2; docker tag busybox evtag:v1; "
        + "docker rmi evtag:v1; docker rm ev2; sleep 1; "
        + "docker events --since 10m --until 0s --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'");
    List<String> events = r.out().lines().filter(l -> l.startsWith("container ") || l.startsWith("image "))
        .toList();
    assertEquals(List.of("container create ev", "container start ev", "container pause ev",
        "container unpause ev", "container rename ev2", "container kill ev2", "container kill ev2",
        "container die ev2", "container stop ev2", "image tag evtag:v1", "image untag evtag:v1",
        "container destroy ev2"), events, r.out() + r.err());
  }

  @Test
  void filtersAndUntilEndTheStream() {
    Transcript.Result r = t.run("docker run --rm --name quick busybox true; sleep 1; "
        + "docker events --since 10m --until 0s --filter event=die --format '{{.Action}} {{.Actor.Attributes.exitCode}}'");
    assertEquals("die 0\n", r.out(), r.err());
  }
}
