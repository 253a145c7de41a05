/**
 * {@code lesson record}: the engine's state before a teacher's lines and after them, and the draft lesson
 * made from the two and the lines (start state, solution, suggested checks), written as a lesson file.
 */
package dev.docklab.lessons.record;
