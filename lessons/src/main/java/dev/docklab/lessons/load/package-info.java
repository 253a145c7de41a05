/**
 * Reading lesson files: YAML into the model, with every problem tied to its line (for
 * {@code lesson lint}); the course, bundled and from a teacher's folder.
 */
package dev.docklab.lessons.load;
