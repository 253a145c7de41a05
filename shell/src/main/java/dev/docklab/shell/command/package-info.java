/**
 * The docker commands ({@code docker run}, {@code ps}, {@code build}...), grouped by domain, and
 * the {@code Session} they run with.
 */
package dev.docklab.shell.command;
