package dev.docklab.engine.api;

import java.util.Locale;

/** The steps the engine reports, each with the short key that explain views and message keys use. */
public enum EventStep {
  /** A name or id resolved to an image. */
  RESOLVE,
  /** A container recorded ({@code docker create}). */
  NEW,
  /** The runtime's create (namespaces, cgroups), under its monitor. */
  CREATE,
  /** The union mount (or the vfs copy) of a container's root. */
  MOUNT,
  /** The OCI spec written for the runtime. */
  SPEC,
  /** The container's process started. */
  START,
  /** A network set up or taken down (namespace, veth, addresses, port rules). */
  NETWORK,
  /** A container's root unmounted. */
  UNMOUNT,
  /** A container's process ended, with its exit code. */
  EXIT,
  /**
   * A change Docker reports as an event and that has no step of its own: a container's {@code stop},
   * {@code restart}, {@code pause}, {@code unpause} and {@code rename} (the argument names it), an image's
   * {@code tag}, {@code untag} and {@code delete} (the arguments name it and the image).
   */
  STATE,
  /** A healthcheck's probe changed a container's health ({@code health_status}). */
  HEALTH,
  /** A signal sent to a container ({@code stop}, {@code kill}). */
  SIGNAL,
  /**
   * The wait after a stop signal, its detail as {@link SignalWait} writes it: how long, for which
   * signal, PID 1's command and whether it handles that signal.
   */
  WAIT,
  /** Something removed (a container, its files). */
  REMOVE,
  /** A state recorded on disk. */
  RECORDED,
  /** Output of a step (a build's RUN). */
  OUTPUT,
  /** Something a learner should know that did not stop the command. */
  WARNING,
  /** A layer unpacked or made. */
  LAYER,
  /** An image recorded. */
  IMAGE,
  /** A pull's manifest resolved. */
  PULL,
  /** One HTTP request of the registry protocol. */
  HTTP,
  /** A registry token obtained. */
  TOKEN,
  /** docklab's hub started. */
  HUB,
  /** One request a client (the docker CLI) made to the Docker Engine API that docklab serves. */
  API;

  /** The short key: {@code mount}, {@code http}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return key();
  }
}
