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
  ADD_URL_OFFLINE("ADD {0}: docklab works offline and does not download URLs"),
  MOUNT_TYPE_UNKNOWN("invalid mount type: \"{0}\" (docklab knows bind and volume)"),
  PORT_ONE_TO_ONE("docklab publishes one container port on one host port: use {0} instead of the "
      + "host range {1}"),
  PORT_NO_IPV6("docklab's bridge has no IPv6: publish on an IPv4 address instead of {0}"),
  BIND_SOURCE_CREATE_FAILED("could not create {0}: {1}"),
  VOLUME_COPY_FAILED("could not copy the image's {0} into volume {1}: {2}"),
  VOLUME_SEED_FAILED("could not seed volume {0}: {1}"),
  VOLUME_CREATE_FAILED("could not create volume {0}: {1}"),
  VOLUME_READ_FAILED("could not read volume {0}: {1}"),
  VOLUME_WRITE_FAILED("could not write volume {0}: {1}"),
  VOLUME_LIST_FAILED("could not list volumes: {0}"),
  VOLUME_REMOVE_FAILED("could not remove volume {0}: {1}"),
  HUB_SIGNUP_OFF("sign-up is turned off on this hub (daemon.json: \"hub-signup\": false)"),
  HUB_USER_EXISTS("the user {0} already exists on this hub"),
  HUB_START_FAILED("could not start docklab's hub on {0}: {1}"),
  HUB_PUBLISH_FAILED("could not publish {0} to docklab's hub: {1}"),
  HUB_USER_NAME_INVALID("invalid user name \"{0}\": use 2 to 30 lowercase letters and digits"),
  HUB_PASSWORD_SHORT("the password must have at least 6 characters"),
  HUB_NO_SUCH_USER("no such user: {0}"),
  HUB_USERS_UNREADABLE("could not read the hub's users in {0}: {1}"),
  FILE_WRITE_FAILED("could not write {0}: {1}"),
  HUB_DATA_UNREADABLE("could not open the hub's data in {0}: {1}"),
  HUB_SERVE_FAILED("could not serve the hub on {0}: {1}"),
  HUB_ADDRESS_TAKEN("something else than a registry answers on {0} (docklab's hub address): stop it, "
      + "or give the hub another address with \"hub\" in daemon.json"),
  DAEMON_JSON_INVALID("could not read {0}: {1} (fix it, or remove it for the defaults)"),
  NEEDS_ROOT("the docklab engine needs root to mount filesystems and run containers: run it "
      + "with sudo, or as root"),
  DATA_ROOT_UNOPENABLE("cannot open the data root {0}: {1}"),
  UNDO_KEEP_IMAGE_FAILED("could not keep image {0} for undo: {1}"),
  UNDO_KEEP_CONTAINER_FAILED("could not keep container {0} for undo: {1}"),
  SIZE_INVALID("invalid size: '{0}' (use a number with an optional unit: b, k, m, g)"),
  BUILD_NO_IMAGE("the build made no image: a Dockerfile FROM scratch needs at least one more step"),
  COPY_FROM_NO_STAGE("COPY --from={0}: no such stage or image"),
  HEALTHCHECK_FLAG("HEALTHCHECK: unknown flag --{0}"),
  HEALTHCHECK_FORM("HEALTHCHECK: expected CMD or NONE, got \"{0}\""),
  HEALTHCHECK_DURATION("HEALTHCHECK: invalid duration {0} (e.g. 30s, 5m)"),
  BUILD_CONTEXT_UNREADABLE("cannot read the build context {0}: {1}"),
  FACTS_NEED_BUSYBOX("could not read the facts inside {0} (its image needs sh, tr, grep and wc, as "
      + "busybox has): {1}"),
  SECCOMP_UNREADABLE("could not read the default seccomp profile {0}: {1}"),
  CONMON_START_FAILED("could not start the container monitor {0}: {1}"),
  IMAGE_ADD_UNKNOWN("docklab cannot add an image named {0}: it adds {1}, which Debian's packages can build"),
  IMAGE_ADD_BAD_MIRROR("invalid mirror {0}: give a Debian mirror's URL, such as http://deb.debian.org/debian"),
  IMAGE_ADD_BAD_SUITE("invalid suite {0}: give a Debian suite, such as bookworm"),
  DEBOOTSTRAP_MISSING("debootstrap is not installed ({0} is missing): install it with apt-get install debootstrap "
      + "(scripts/docklab does this for you)"),
  MIRROR_UNREACHABLE("cannot reach the Debian mirror {0}: {1} (check the network, or give another one with --mirror URL)"),
  MIRROR_NO_SUITE("the Debian mirror {0} has no suite {1} ({2} answered {3}): give another one with --suite"),
  DEBOOTSTRAP_FAILED("debootstrap failed (exit status {0}): {1}"),
  IMAGE_ADD_FAILED("could not add {0}: {1}"),
  CONMON_TIMEOUT("the container monitor did not create container {0} within 30 seconds (see {1})");

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
