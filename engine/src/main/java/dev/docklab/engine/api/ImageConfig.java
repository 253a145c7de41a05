package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OCI / Docker image config: what to run (the {@link RunConfig}), the layers by diff id, and the
 * history of how the image was made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfig(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("created") String created,
    @JsonProperty("author") String author,
    @JsonProperty("config") RunConfig config,
    @JsonProperty("rootfs") RootFs rootfs,
    @JsonProperty("history") List<History> history) {

  /** The defaults a container of this image starts with. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RunConfig(
      @JsonProperty("User") String user,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
      @JsonProperty("Volumes") Map<String, Object> volumes,
      @JsonProperty("StopSignal") String stopSignal,
      @JsonProperty("Healthcheck") Map<String, Object> healthcheck,
      @JsonProperty("OnBuild") List<String> onBuild) {

    public RunConfig(String user, List<String> env, List<String> entrypoint, List<String> cmd, String workingDir,
        Map<String, String> labels, Map<String, Object> exposedPorts, Map<String, Object> volumes, String stopSignal) {
      this(user, env, entrypoint, cmd, workingDir, labels, exposedPorts, volumes, stopSignal, null, null);
    }

    /** This config with a HEALTHCHECK (Docker's Test/Interval/Timeout/Retries form). */
    public RunConfig withHealthcheck(Map<String, Object> check) {
      return new RunConfig(user, env, entrypoint, cmd, workingDir, labels, exposedPorts, volumes, stopSignal, check,
          onBuild);
    }

    /** This config with one more ONBUILD trigger. */
    public RunConfig withOnBuild(String trigger) {
      List<String> all = new ArrayList<>(onBuild == null ? List.of() : onBuild);
      all.add(trigger);
      return new RunConfig(user, env, entrypoint, cmd, workingDir, labels, exposedPorts, volumes, stopSignal,
          healthcheck, all);
    }

    public static RunConfig of(List<String> env, List<String> cmd) {
      return new RunConfig(null, env, null, cmd, null, null, null, null, null);
    }

    public List<String> envOrEmpty() {
      return env == null ? List.of() : env;
    }
  }

  /** The layers, bottom first, by the digest of their uncompressed tar. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {}

  /** One step of how the image was made; {@code emptyLayer} steps add no layer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record History(
      @JsonProperty("created") String created,
      @JsonProperty("created_by") String createdBy,
      @JsonProperty("author") String author,
      @JsonProperty("comment") String comment,
      @JsonProperty("empty_layer") Boolean emptyLayer) {}

  public RunConfig configOrEmpty() {
    return config == null ? RunConfig.of(null, null) : config;
  }

  public List<String> diffIdsOrEmpty() {
    return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
  }
}
