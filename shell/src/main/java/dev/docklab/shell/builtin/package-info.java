/**
 * docklab's own words ({@code help}, {@code lang}, {@code cd}, {@code exit}...), in the one list
 * that the interpreter, completion, highlighting and help read.
 */
package dev.docklab.shell.builtin;
