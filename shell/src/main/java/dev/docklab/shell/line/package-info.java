/** The line language: a line parsed once into a syntax tree, or found incomplete or wrong. */
package dev.docklab.shell.line;
