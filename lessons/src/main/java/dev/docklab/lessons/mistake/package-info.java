/** Mistakes recognised after a line, from the engine's state and the line's status. */
package dev.docklab.lessons.mistake;
