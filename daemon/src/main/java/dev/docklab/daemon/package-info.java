/**
 * {@code docklab daemon}: the Docker Engine API served over the engine's api
 * ({@code dev.docklab.engine.api}) on a Unix socket, so that the real docker CLI and any other
 * client drive the same engine.
 */
package dev.docklab.daemon;
