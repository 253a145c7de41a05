/**
 * The docker commands ({@code docker run}, {@code ps}, {@code build}...), grouped by domain, and
 * the {@code Session} they run with; {@code Shell} puts them together with the builtins and the
 * interpreter.
 */
package dev.docklab.shell.command;

import dev.docklab.shell.interp.Shell;
