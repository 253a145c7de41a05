package dev.docklab.engine.api;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * docklab's own wording of a failure or of a step's detail (not Docker's), as a key the shell says in the
 * learner's language and the English text the engine gives everyone else; {@code {0}}... are the arguments.
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
  SECCOMP_DAMAGED("the default seccomp profile {0} is damaged ({1}): reinstall it with apt-get install "
      + "--reinstall {2}"),
  BUSYBOX_MISSING("cannot build the busybox base image: {0} is missing; install it with: apt-get install "
      + "busybox-static"),
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
  CONMON_TIMEOUT("the container monitor did not create container {0} within 30 seconds (see {1})"),
  STORAGE_DRIVER_UNKNOWN("unknown storage driver \"{0}\": choose overlay2 or vfs"),
  BUSYBOX_DYNAMIC("cannot build the busybox base image: {0} is dynamically linked and would not run in an empty "
      + "image; install busybox-static instead"),
  BUSYBOX_UNREADABLE("cannot read {0}: {1}"),
  BUSYBOX_NO_VERSION("cannot tell the version of {0} from its banner"),
  BUILD_STEP_FAILED("{0} failed: {1}"),
  INIT_LAYER_FAILED("could not make the init layer in {0}: {1}"),
  CONTAINER_SAVE_FAILED("could not save container {0}: {1}"),
  ENDPOINT_RECORD_FAILED("could not record the network of {0}: {1}"),
  ENDPOINT_REMOVE_FAILED("could not remove the network note of {0}: {1}"),
  LIST_FAILED("could not list {0}: {1}"),
  CONTAINERS_LIST_FAILED("could not list containers in {0}: {1}"),
  CONTAINER_REMOVE_FAILED("could not remove container {0}: {1}"),
  CONTAINER_RESTORE_FAILED("could not bring back container {0}: {1}"),
  KEPT_CONTAINER_DROP_FAILED("could not drop kept container {0}: {1}"),
  INTERRUPTED_WAITING("interrupted while waiting for a container"),
  ARCHIVE_NO_MANIFEST("invalid archive: it has neither manifest.json (docker save) nor index.json (OCI layout)"),
  ARCHIVE_INVALID("invalid archive: {0}"),
  ARCHIVE_NESTED_INDEX("invalid archive: nested image indexes are not supported yet"),
  ARCHIVE_JSON_TOO_BIG("invalid archive: \"{0}\" is {1} bytes, more than any manifest or config needs (at most {2})"),
  ARCHIVE_ENTRY_MISSING("invalid archive: \"{0}\" is missing or outside the archive"),
  ARCHIVE_ENTRY_OUTSIDE("invalid archive: refusing entry \"{0}\" outside the archive"),
  ARCHIVE_LINK_OUTSIDE("invalid archive: the link \"{0}\" points outside the archive"),
  ARCHIVE_UNEXPECTED_ENTRY("invalid archive: unexpected entry \"{0}\""),
  ARCHIVE_EMPTY("invalid archive: it is empty or not a tar"),
  LAYER_DIGEST_MISMATCH("layer unpacked to {0} but was written as {1}"),
  LAYER_STORE_FAILED("could not store layer: {0}"),
  CONFIG_LAYERS_MISMATCH("the image config lists layers {0} but the archive holds {1}"),
  CONFIG_NOT_JSON("the image config is not valid JSON: {0}"),
  CONFIG_WRITE_FAILED("could not write image config: {0}"),
  IMAGE_LAYER_MISSING("cannot record image {0}: its layer {1} is not unpacked"),
  IMAGE_RECORD_FAILED("could not record image {0}: {1}"),
  IMAGE_ID_AMBIGUOUS("short image id {0} is ambiguous: use more characters"),
  IMAGE_READ_FAILED("could not read image {0}: {1}"),
  IMAGE_DELETE_FAILED("could not delete image {0}: {1}"),
  MANIFEST_NOT_JSON("the manifest of image {0} is not valid JSON: {1}"),
  IMAGE_CONFIG_NOT_JSON("image config {0} is not valid JSON: {1}"),
  READ_FAILED("could not read {0}: {1}"),
  KEPT_IMAGE_DROP_FAILED("could not drop kept image {0}: {1}"),
  LAYER_NOT_UNPACKED("layer {0} is not unpacked in {1}"),
  LAYER_UNSAFE("refusing to unpack the layer: {0}; the layer archive is unsafe, do not use it"),
  LAYER_STORE_ONE_FAILED("could not store layer {0}: {1}"),
  LAYER_DELETE_FAILED("could not delete layer {0}: {1}"),
  NO_FREE_SUBNET("every subnet from 172.17.0.0/16 to 172.31.0.0/16 is in use on this host; docklab needs one of "
      + "them for its bridge {0}"),
  CNI_RUN_FAILED("could not run the CNI plugin {0}: {1}"),
  INTERRUPTED_CNI("interrupted while running the CNI plugin {0}"),
  INTERRUPTED_RUNNING("interrupted while running {0}"),
  LOCK_FAILED("could not lock {0}: {1}"),
  HOST_RULE_FAILED("could not add docklab's rule to the {0} table: {1}"),
  NETWORKS_READ_FAILED("could not read the networks in {0}: {1}"),
  NETWORK_NAME_INVALID("invalid network name \"{0}\": use letters, digits, _ . and -"),
  SUBNET_INVALID("invalid subnet {0}: use a.b.c.d/n"),
  SUBNET_TOO_SMALL("invalid subnet {0}: too small for containers"),
  NETWORK_RECORD_FAILED("could not record network {0}: {1}"),
  NETWORK_REMOVE_FAILED("could not remove network {0}: {1}"),
  LOGINS_NOT_JSON("could not read {0}: not JSON (fix or remove it)"),
  MANIFEST_DIGEST_MISMATCH("the manifest {0} from {1} has the digest {2}: refused"),
  MANIFEST_FROM_NOT_JSON("the manifest from {0} is not JSON"),
  ANSWER_UNREADABLE("could not read {0}'s answer: {1}"),
  UPLOAD_NO_LOCATION("{0} opened an upload without a Location"),
  TAGS_NOT_JSON("{0} answered the tags list with something else than JSON"),
  SEARCH_NOT_JSON("{0} answered the search with something else than JSON"),
  TOKEN_STATUS("the token server {0} answered {1}"),
  TOKEN_NONE("the token server {0} sent no token"),
  INTERRUPTED("interrupted"),
  CONFIG_FROM_INVALID("the image config from {0} is not valid: {1}"),
  MANIFEST_LAYER_COUNT("the manifest lists {0} layers, its config {1}"),
  DOWNLOAD_FAILED("download of {0} failed: {1}"),
  LAYER_DIFF_MISMATCH("layer {0} unpacks to {1} but the image config says {2}: refused"),
  LAYER_UNPACK_ONE_FAILED("could not unpack layer {0}: {1}"),
  BLOB_DIGEST_MISMATCH("the blob {0} from {1} does not match its digest: refused"),
  BLOB_READ_FROM_FAILED("could not read {0} from {1}: {2}"),
  MANIFEST_NOT_JSON_PLAIN("a manifest that is not JSON"),
  APPARMOR_LOAD_FAILED("could not load the AppArmor profile {0}: {1}"),
  INTERRUPTED_APPARMOR("interrupted while loading the AppArmor profile"),
  PREPARE_FAILED("could not prepare {0}: {1}"),
  INTERRUPTED_MONITOR("interrupted while starting the container monitor"),
  INTERRUPTED_STARTING("interrupted while starting a container"),
  BUNDLE_WRITE_FAILED("could not write the OCI bundle in {0}: {1}"),
  RUN_FAILED("could not run {0}: {1}"),
  WEB_IMAGE_FAILED("could not build the web image: {0}"),
  BUILD_IMAGE_FAILED("could not make the image: {0}"),
  BUILD_MOUNT_FAILED("could not mount the stage's image: {0}"),
  VFS_NO_DIFF("diff and commit need the overlay2 storage driver: with vfs, the changes of a container are not "
      + "kept apart from its image"),
  COMMIT_FAILED("could not commit the container's changes: {0}"),
  INTERRUPTED_COMMIT("interrupted while committing"),
  DRIVER_MEASURE_FAILED("could not measure the {0} driver: {1}"),
  MEASURE_CLEANUP_FAILED("could not remove {0} after measuring: {1}"),
  LAYERS_READ_FAILED("could not read the layers of {0}: {1}"),
  UPPER_READ_FAILED("could not read the read-write layer of {0}: {1}"),
  FACTS_FAILED("could not read the container's facts: {0}"),
  SPEC_READ_FAILED("could not read the OCI spec of {0}: {1}"),
  COPY_MEASURE_FAILED("could not measure the copy {0}: {1}"),
  CHANGES_READ_FAILED("could not read the changes of {0}: {1}"),
  EXPORT_FAILED("could not export {0}: {1}"),
  CONNECT_NOT_RUNNING("docklab connects running containers only: start {0} first (docker start {0}), then connect it"),
  DISCONNECT_STARTED_ON("docklab cannot take {0} off {1}, the network it was started on: stop it, or run it again "
      + "with another --network"),
  CONTAINER_COPY_FAILED("could not copy files of {0}: {1}"),
  LOG_READ_FAILED("could not read the log of {0}: {1}"),
  LOG_FOLLOW_FAILED("could not follow the log of {0}: {1}"),
  HUB_META_WRITE_FAILED("could not write the hub's metadata of {0}: {1}"),
  HUB_TAG_READ_FAILED("could not read the hub's {0}:{1}: {2}"),
  HUB_TAG_REMOVE_FAILED("could not remove {0}:{1} from the hub: {2}"),
  ARCHIVE_WRITE_FAILED("could not write the archive: {0}"),
  OVERLAY_OPTIONS_TOO_LONG("cannot mount the container's root: the image has {0} layers and the overlay mount "
      + "options exceed one page ({1} bytes); squash the image into fewer layers"),
  PREPARE_FAILED_CANNOT("cannot prepare {0}: {1}"),
  ROOT_MOUNT_FAILED("cannot mount the container's root filesystem: {0}"),
  INTERRUPTED_MOUNTING("interrupted while mounting"),
  VFS_COPY_FAILED("cannot copy the image's layers into {0}: {1}"),
  BLOB_STORE_FAILED("could not store blob: {0}"),
  BLOB_STORE_ONE_FAILED("could not store blob {0}: {1}"),
  BLOB_CORRUPT("blob {0} is corrupt (content hashes to {1}); remove the image and pull or build it again"),
  BLOB_MISSING("blob {0} is missing from {1}"),
  BLOB_READ_FAILED("could not read blob {0}: {1}"),
  BLOB_OPEN_FAILED("could not open blob {0}: {1}"),
  BLOB_DELETE_FAILED("could not delete blob {0}: {1}"),
  CNI_FAILED("CNI plugin {0} {1} failed: {2}"),
  NO_ENGINE("no docklab engine on the class path: build docklab with mvn package (scripts/docklab does this)"),
  SERVED_ENGINE_LOST("lost the docklab engine served on {0}: {1}; is the docklab that serves it still open?"),
  CONTAINER_STATUS_INVALID("invalid container status \"{0}\": one of created, running, paused, restarting, "
      + "removing, exited, dead"),
  LAYER_UNPACK_FAILED("could not unpack layer: {0}"),
  LAYER_UNPACK_NO_SPACE("could not unpack layer: {0}; free some disk space under {1} and try again"),
  KEEPING_ON_FAILED("could not turn on keeping removed things in {0}: {1}"),
  KEEPING_OFF_FAILED("could not turn off keeping removed things in {0}: {1}"),
  BUILD_BASE_MISSING("pull access denied for {0}, repository does not exist: docklab's build does not pull its "
      + "base image; docker pull {0} first, or build or import it"),
  EVENT_SIGNAL("SIG{0} to PID 1 ({1} kill)"),
  EVENT_STATE("docker events: {0}"),
  EVENT_HEALTH("health_status: {0} (probe exit {1}, {2} failing in a row)"),
  EVENT_CONNECTED("eth0 {0}/{1} on {2} via {3}, netns {4}"),
  EVENT_CONNECTED_PORTS("eth0 {0}/{1} on {2} via {3}, netns {4}, ports {5}"),
  EVENT_RELEASED("released {0}, removed {1} and {2}"),
  EVENT_RELEASED_PORTS("released {0}, removed {1} and {2}, unpublished {3}"),
  EVENT_DISCONNECT_FAILED("could not take it off the network: {0}"),
  EVENT_HOSTS_FAILED("could not update its /etc/hosts: {0}"),
  EVENT_EXIT("exit code {0}"),
  EVENT_EXIT_OOM("exit code {0}, killed by the kernel's OOM killer"),
  EVENT_ATTACH_CLOSED("attach socket closed"),
  EVENT_RECORDED("exit {0}"),
  EVENT_CREATED("pid {0}, monitor {1}"),
  EVENT_NOT_FOUND("not found"),
  EVENT_NETWORK_CREATED("created {0} for {1}"),
  EVENT_HUB_STARTED("docklab's hub started on http://{0}"),
  EVENT_TOKEN_ANONYMOUS("GET {0} -> {1} (anonymous)"),
  EVENT_TOKEN_AS("GET {0} -> {1} (as {2}, Basic auth)"),
  IMAGE_ADD_UNKNOWN("docklab cannot add an image named {0}: it adds {1}, which Debian's packages can build"),
  IMAGE_ADD_BAD_MIRROR("invalid mirror {0}: give a Debian mirror's URL, such as http://deb.debian.org/debian"),
  IMAGE_ADD_BAD_SUITE("invalid suite {0}: give a Debian suite, such as bookworm"),
  DEBOOTSTRAP_MISSING("debootstrap is not installed ({0} is missing): install it with apt-get install debootstrap "
      + "(scripts/docklab does this for you)"),
  MIRROR_UNREACHABLE("cannot reach the Debian mirror {0}: {1} (check the network, or give another one with --mirror URL)"),
  MIRROR_NO_SUITE("the Debian mirror {0} has no suite {1} ({2} answered {3}): give another one with --suite"),
  DEBOOTSTRAP_FAILED("debootstrap failed (exit status {0}): {1}"),
  IMAGE_ADD_FAILED("could not add {0}: {1}"),
  PUSH_COMPRESS_FAILED("could not compress layer {0} for the push: {1}"),
  PUSH_MANIFEST_FAILED("could not write the manifest to push: {0}");

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
