package dev.docklab.lessons.run;

/**
 * A step just passed.
 *
 * @param step its number, from 1
 * @param commands the lines the learner typed for it
 * @param reference the lines of the reference solution
 * @param help whether the solution was shown
 * @param explain the explain view to suggest (with the container the checks found), or null
 * @param lessonDone whether it was the lesson's last step
 */
public record StepResult(int step, int commands, int reference, boolean help, String explain, boolean lessonDone) {}
