/**
 * Lessons in the REPL: {@code lessons}, {@code lesson}, {@code goal}, {@code hint}, {@code solution},
 * {@code answer}, the check after every line, and the views that show them in en and zh.
 */
package dev.docklab.shell.lesson;
