package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;

/** {@code docker login/logout/search}, where names go, and docklab's own hub. */
public interface Registries {
  /** {@code docker login}: checks the login against the registry, then keeps it. */
  void login(String server, String user, String password);

  /** {@code docker logout}: false when there was no login for the server. */
  boolean logout(String server);

  /** Who is logged in to {@code server} ({@code docker.io} for Docker Hub, as {@code docker login} takes it), or null. */
  String user(String server);

  /** docklab's own hub on this data root, to manage its accounts and read or remove its tags; close it after use. */
  HubAdmin hub();

  /**
   * {@code docklab registry signup}: a new account (not an admin) on docklab's hub, when daemon.json's
   * {@code hub-signup} allows it; an existing name is refused, never replaced.
   */
  void signup(String user, String password);

  /** {@code docker search}: Docker Hub's search, asked of the mirrors first (the hub in a classroom). */
  List<SearchResult> search(String term, int limit);

  /** The registries a pull of {@code ref} asks, in order: the mirrors, then the image's own registry. */
  List<PullSource> pullEndpoints(ImageReference ref);

  /**
   * Where {@code docker push} of {@code ref} (and a login to its registry) goes; {@code mirror} when it is
   * docklab's hub standing in for Docker Hub rather than the image's own registry.
   */
  PullSource pushTarget(ImageReference ref);

  /** daemon.json's registry settings and where logins are kept. */
  RegistrySettings settings();

  /** Starts docklab's own hub in this process on daemon.json's {@code hub} address, if not yet. */
  void startHub();

  /** Whether this engine serves docklab's hub now (it starts it on demand, see {@link #startHub()}). */
  boolean hubStarted();

  /**
   * Puts the local image {@code localRef} on docklab's hub as {@code hubRef} ({@code teacher/hello:v1}), as
   * a push by its owner would, without an account: what a lesson's start state has waiting on the hub.
   */
  void publish(String localRef, String hubRef);

  /** Publishes the offline base images to the hub as official images, so search and pull find them. */
  void publishBaseImages();

  /**
   * One registry a pull asks.
   *
   * @param url the repository's address ({@code http://127.0.0.1:5000/v2/library/busybox/})
   * @param mirror whether it is a mirror of Docker Hub rather than the image's own registry
   */
  record PullSource(String url, boolean mirror) {}

  /**
   * The registry settings in force.
   *
   * @param mirrors daemon.json's {@code registry-mirrors}
   * @param insecure daemon.json's {@code insecure-registries}
   * @param hub the hub's address ({@code 127.0.0.1:5000})
   * @param credentials the file where logins are kept
   * @param hubIsDockerHub whether docklab's hub stands in for Docker Hub (it is a mirror): {@code docker login}
   *     with no server and pushes of Docker Hub names ({@code alice/app}) go to it
   * @param hubSignup whether a learner may make an account on the hub (daemon.json's {@code hub-signup})
   */
  record RegistrySettings(List<String> mirrors, List<String> insecure, String hub, Path credentials,
      boolean hubIsDockerHub, boolean hubSignup) {}
}
