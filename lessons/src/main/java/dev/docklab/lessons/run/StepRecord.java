package dev.docklab.lessons.run;

/**
 * How a finished step went.
 *
 * @param commands the lines the learner typed in it
 * @param reference the lines of its reference solution
 * @param hints the hint tiers shown
 * @param help whether the solution was shown ("solved with help")
 */
public record StepRecord(int commands, int reference, int hints, boolean help) {}
