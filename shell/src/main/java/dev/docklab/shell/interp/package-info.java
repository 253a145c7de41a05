/**
 * Runs a parsed line: which commands are docklab's, which go to the host's shell, and the bytes
 * passed between them.
 */
package dev.docklab.shell.interp;
