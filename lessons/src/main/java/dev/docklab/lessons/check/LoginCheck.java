package dev.docklab.lessons.check;

import dev.docklab.engine.api.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The learner is logged in ({@code docker login}) to {@code server} (Docker Hub, {@code docker.io}, when
 * not given: docklab's hub when it stands in for Docker Hub), as {@code user} when given: read from the
 * logins docklab keeps, not from what was typed.
 *
 * @param server the registry, as {@code docker login SERVER} takes it (null: Docker Hub)
 * @param user the account (null: any)
 */
public record LoginCheck(String server, String user) implements Check {
  @Override
  public String kind() {
    return "login";
  }

  @Override
  public List<Fact> facts() {
    List<Fact> f = new ArrayList<>();
    f.add(new Fact("server", server == null ? "Docker Hub" : server));
    if (user != null) {
      f.add(new Fact("user", user));
    }
    return f;
  }

  @Override
  public Verdict test(Probe probe) {
    String who = probe.view().user(server == null ? ImageReference.DEFAULT_DOMAIN : server);
    return Verdict.of(who != null && (user == null || user.equals(who)));
  }
}
