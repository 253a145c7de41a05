/** A lesson as its file describes it: texts in en and zh, the start state, the steps and their checks. */
package dev.docklab.lessons.model;
