/**
 * docklab's entry points: {@code Main} (the REPL, a script or {@code -c}) and {@code docklab
 * registry}.
 */
package dev.docklab.shell;
