/**
 * Runs a parsed line: which commands are docklab's, which go to the host's shell, and the bytes
 * passed between them; {@code Shell} puts the docker commands, the builtins and the interpreter
 * together.
 */
package dev.docklab.shell.interp;
