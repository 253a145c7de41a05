/** JShell on a live engine: a session in this JVM with the engine bound as {@code engine}. */
package dev.docklab.lessons.jshell;
