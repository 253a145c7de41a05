package dev.docklab.lessons.check;

/**
 * One thing a check asks for, as {@code goal} describes it: the field's name and its value as text.
 *
 * @param name the field ({@code image}, {@code state}, {@code tty}...)
 * @param value its value ({@code busybox}, {@code running}, {@code true}...)
 */
public record Fact(String name, String value) {}
