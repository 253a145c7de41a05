package dev.docklab.engine.api;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * docklab's own wording of a failure (not Docker's), as a key the shell says in the learner's language
 * and the English text the engine gives everyone else; {@code {0}}... are the arguments.
 */
public enum EngineMessage {
  CONMON_MISSING("the container monitor conmon is not installed: install it with apt-get install conmon "
      + "(scripts/docklab does this for you)"),
  RUNTIME_MISSING("OCI runtime \"{0}\" is not installed: install the Debian package {0} (apt-get install {0})"),
  NO_RUNTIME("no OCI runtime found: install runc (apt-get install runc)"),
  CNI_MISSING("the CNI plugins are not installed (looked in {0}): apt-get install containernetworking-plugins, "
      + "or use --network none"),
  HOST_COMMAND_FAILED("could not run {0}: {1} (apt-get install iproute2 iptables)"),
  SECCOMP_MISSING("the default seccomp profile {0} is missing, so no container may start: install it with "
      + "apt-get install {1} (scripts/docklab does this for you)"),
  SECCOMP_DAMAGED("the default seccomp profile {0} is damaged ({1}): reinstall it with apt-get install --reinstall {2}"),
  BUSYBOX_MISSING("cannot build the busybox base image: {0} is missing; install it with: apt-get install busybox-static"),
  DATA_ROOT_IN_USE("another docklab engine is using {0}: close the other docklab first, or use another data root "
      + "(--data-root DIR)"),
  VFS_NO_COW("container {0} uses the vfs driver: it has no read-write layer apart from its copy, so there is no "
      + "copy-on-write to watch"),
  VFS_NO_LAYERS("container {0} uses the vfs driver: its root is one full copy, so every file comes from that copy"),
  NOT_RUNNING_NO_NETWORK("container {0} is not running, so it has no network now: start it (docker start {0})"),
  NOT_RUNNING_BOOT("container {0} is not running: start it (docker start {0}) or run explain boot without a name"),
  RUN_FROM_SCRATCH("RUN needs an image with a shell: this stage is FROM scratch"),
  ADD_URL_OFFLINE("ADD {0}: docklab works offline and does not download URLs");

  private final String english;

  EngineMessage(String english) {
    this.english = english;
  }

  /** The message key in the shell's bundles: {@code engine.conmon-missing}. */
  public String key() {
    return "engine." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The English text with its {@code {N}} placeholders, as the shell's English bundle has it. */
  public String template() {
    return english;
  }

  /** The English text with {@code args} in place. */
  public String english(Object... args) {
    return new MessageFormat(english.replace("'", "''"), Locale.ROOT).format(args);
  }
}
