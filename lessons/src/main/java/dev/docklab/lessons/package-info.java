/**
 * Lessons as data on a real engine: lesson files (YAML, every text in en and zh), goal checks that
 * are predicates over the engine's real state, the runner that follows a learner through a lesson
 * and saves the progress, and the headless player that proves each lesson can be solved.
 */
package dev.docklab.lessons;
