/**
 * The learner's terminal: lines read with editing, completion, highlighting and history (or from a
 * script), containers on the terminal, Ctrl-C, and the loop.
 */
package dev.docklab.shell.repl;
