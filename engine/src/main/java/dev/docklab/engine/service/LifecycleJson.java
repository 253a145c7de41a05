package dev.docklab.engine.service;

import dev.docklab.engine.api.Health;
import dev.docklab.engine.api.Lifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's lifecycle settings as Docker's inspect writes them: State.Health, Config's StopSignal and
 * StopTimeout, HostConfig's VolumeDriver, VolumesFrom and Annotations.
 */
final class LifecycleJson {
  private LifecycleJson() {}

  /** {@code {"Status", "FailingStreak", "Log": [{"Start", "End", "ExitCode", "Output"}]}}. */
  static Map<String, Object> of(Health h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Status", h.status());
    m.put("FailingStreak", h.failingStreak());
    List<Map<String, Object>> log = h.log().stream().map(p -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("Start", p.start());
      e.put("End", p.end());
      e.put("ExitCode", p.exitCode());
      e.put("Output", p.output());
      return e;
    }).toList();
    m.put("Log", log);
    return m;
  }

  /** Config's {@code StopSignal} and {@code StopTimeout}, each only when set (Docker leaves them out). */
  static void stop(Lifecycle l, Map<String, Object> config) {
    if (!l.stopSignal().isEmpty()) {
      config.put("StopSignal", l.stopSignal());
    }
    if (l.stopTimeout() != null) {
      config.put("StopTimeout", l.stopTimeout());
    }
  }

  /** HostConfig's {@code VolumeDriver}, {@code VolumesFrom} (null when none) and {@code Annotations} (when set). */
  static void volumesFrom(Lifecycle l, Map<String, Object> host) {
    host.put("VolumeDriver", "");
    host.put("VolumesFrom", l.volumesFrom().isEmpty() ? null : l.volumesFrom());
    if (!l.annotations().isEmpty()) {
      host.put("Annotations", l.annotations());
    }
  }
}
