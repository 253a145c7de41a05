/**
 * What the engine really did, drawn as keyed lines for {@code explain}, and the trace of the last
 * command.
 */
package dev.docklab.shell.explain;
