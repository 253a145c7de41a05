package dev.docklab.engine.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container as the engine records it in {@code containers/ID/container.json}.
 *
 * @param id 64 hex digits
 * @param name the name without Docker's leading slash
 * @param created when it was created (ISO-8601)
 * @param image the image as the learner typed it
 * @param imageId the image's id
 * @param path the program (first of entrypoint + cmd)
 * @param args its arguments
 * @param env the environment
 * @param workingDir the working directory
 * @param user the user it runs as
 * @param driver the storage driver that made its root
 * @param hostConfig its limits and options
 * @param state what it is doing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(String id, String name, String created, String image, String imageId, String path,
    List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
    State state) {

  /** Limits and options given at {@code docker run}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HostConfig(long memory, long pidsLimit, boolean autoRemove) {}

  /** Docker's container state: created, running, exited (or dead). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record State(String status, long pid, int exitCode, String error, String startedAt, String finishedAt) {
    public static State created() {
      return new State("created", 0, 0, "", null, null);
    }

    @JsonIgnore
    public boolean running() {
      return "running".equals(status);
    }
  }

  public Container withState(State newState) {
    return new Container(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig,
        newState);
  }

  /** The full command line: path then args. */
  @JsonIgnore
  public List<String> command() {
    List<String> c = new ArrayList<>();
    c.add(path);
    c.addAll(args);
    return c;
  }

  @JsonIgnore
  public Instant createdAt() {
    return Instant.parse(created);
  }

  /** The first 12 hex digits, as {@code docker ps} shows. */
  @JsonIgnore
  public String shortId() {
    return id.substring(0, 12);
  }
}
