/**
 * docklab's Java client of a served engine: {@code RemoteEngine}, the engine's api over the daemon's
 * socket, so that a second REPL, its lessons and its JShell work on an engine another docklab holds.
 */
package dev.docklab.daemon.client;
