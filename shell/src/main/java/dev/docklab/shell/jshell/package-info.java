/**
 * {@code jshell}: Java on the live engine, bound as {@code engine}; its terminal and script loops,
 * completion, and what snippets say, in the learner's language.
 */
package dev.docklab.shell.jshell;
