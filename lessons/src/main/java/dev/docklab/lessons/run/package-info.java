/**
 * Following a learner through a lesson: the start state prepared on the engine, the goal evaluated
 * after every line, hints and solutions, progress saved per user, and the headless player that
 * {@code lesson test} uses.
 */
package dev.docklab.lessons.run;
