/**
 * Renderers that turn a model into lines: tables, sizes, times, progress bars and Docker's
 * templates.
 */
package dev.docklab.shell.render;
